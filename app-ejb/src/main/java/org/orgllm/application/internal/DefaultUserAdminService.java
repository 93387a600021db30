package org.orgllm.application.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.orgllm.application.CallerContext;
import org.orgllm.application.DuplicateUserException;
import org.orgllm.application.NewUser;
import org.orgllm.application.UnknownOrganizationException;
import org.orgllm.application.UnknownUserException;
import org.orgllm.application.UserAdminService;
import org.orgllm.application.UserChange;
import org.orgllm.application.UserView;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.organization.OrganizationRepository;
import org.orgllm.domain.model.user.AppUser;
import org.orgllm.domain.model.user.Role;
import org.orgllm.domain.model.user.UserRepository;

/** User administration; every call checks ADMIN first. */
@Stateless
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultUserAdminService implements UserAdminService {

    @Inject
    UserRepository users;

    @Inject
    OrganizationRepository organizations;

    @Inject
    CallerContext caller;

    @Inject
    RequestValidator validator;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Override
    public List<UserView> list() {
        caller.requireAdmin();
        return users.findAll().stream().sorted(Comparator.comparing(AppUser::username)).map(UserView::of).toList();
    }

    @Override
    public UserView create(NewUser user) {
        caller.requireAdmin();
        validator.validate(user);
        if (users.find(user.username()).isPresent()) {
            throw new DuplicateUserException(user.username());
        }
        AppUser created = new AppUser(user.username(), user.displayName().strip(),
                passwordHash.generate(user.password().toCharArray()));
        user.roles().forEach(created::grant);
        memberships(user.organizationIds()).forEach(created::join);
        users.store(created);
        return UserView.of(created);
    }

    @Override
    public UserView update(UserChange change) {
        caller.requireAdmin();
        validator.validate(change);
        AppUser user = users.find(change.username()).orElseThrow(() -> new UnknownUserException(change.username()));
        user.rename(change.displayName().strip());
        user.replaceRoles(change.roles());
        user.replaceMemberships(memberships(change.organizationIds()));
        user.enable(change.enabled());
        users.store(user);
        return UserView.of(user);
    }

    private Set<OrganizationId> memberships(Set<String> ids) {
        Set<OrganizationId> result = new java.util.HashSet<>();
        for (String raw : ids) {
            OrganizationId id = OrganizationId.of(raw);
            if (organizations.find(id).isEmpty()) {
                throw new UnknownOrganizationException(id.value());
            }
            result.add(id);
        }
        return result;
    }
}
