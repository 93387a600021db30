package org.orgllm.application;

import java.time.Instant;
import java.util.List;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.user.AppUser;
import org.orgllm.domain.model.user.Role;

/** A user as administrators see it: never the password hash. */
public record UserView(String username, String displayName, boolean enabled, List<String> roles,
                       List<String> organizationIds, Instant createdAt) {

    public static UserView of(AppUser u) {
        return new UserView(u.username(), u.displayName(), u.enabled(),
                u.roles().stream().map(Role::name).sorted().toList(),
                u.organizations().stream().map(OrganizationId::value).sorted().toList(), u.createdAt());
    }
}
