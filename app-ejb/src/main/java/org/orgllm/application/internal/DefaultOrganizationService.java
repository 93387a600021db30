package org.orgllm.application.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.orgllm.application.CallerContext;
import org.orgllm.application.DuplicateOrganizationException;
import org.orgllm.application.OrganizationProfile;
import org.orgllm.application.OrganizationService;
import org.orgllm.domain.model.organization.Organization;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.organization.OrganizationRepository;
import org.orgllm.domain.model.user.Role;

/** Roles are declared so that {@code isCallerInRole} answers inside the EJB container. */
@Stateless
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultOrganizationService implements OrganizationService {

    @Inject
    OrganizationRepository organizations;

    @Inject
    CallerContext caller;

    @Inject
    RequestValidator validator;

    @Inject
    OrganizationAccess access;

    @Inject
    org.orgllm.domain.model.user.UserRepository users;

    @Override
    public OrganizationProfile create(OrganizationProfile profile) {
        validator.validate(profile);
        caller.requireAdmin();
        OrganizationId id = OrganizationId.of(profile.id());
        if (organizations.exists(id)) {
            throw new DuplicateOrganizationException(id.value());
        }
        Organization organization = new Organization(id, profile.name());
        profile.applyTo(organization);
        organizations.store(organization);
        return OrganizationProfile.of(organization);
    }

    @Override
    public OrganizationProfile get(String organizationId) {
        return OrganizationProfile.of(visible(organizationId));
    }

    @Override
    public List<OrganizationProfile> listVisible() {
        return organizations.findAll().stream()
                .filter(o -> caller.canAccess(o.id()))
                .map(OrganizationProfile::of)
                .toList();
    }

    @Override
    public java.util.Set<String> memberships() {
        return users.find(caller.name())
                .map(u -> u.organizations().stream().map(OrganizationId::value)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()))
                .orElse(java.util.Set.of());
    }

    @Override
    public OrganizationProfile update(String organizationId, OrganizationProfile profile) {
        OrganizationProfile withId = profile.withId(OrganizationId.of(organizationId).value());
        validator.validate(withId);
        caller.requireAdmin();
        Organization organization = visible(organizationId);
        withId.applyTo(organization);
        return OrganizationProfile.of(organization);
    }

    private Organization visible(String organizationId) {
        return access.load(organizationId);
    }
}
