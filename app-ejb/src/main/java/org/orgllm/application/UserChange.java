package org.orgllm.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.orgllm.domain.model.user.Role;

/** An administrator's edit of a user: everything but the username and password. */
public record UserChange(@NotBlank String username, @NotBlank @Size(max = 200) String displayName,
                         @NotEmpty Set<Role> roles, Set<String> organizationIds, boolean enabled) {

    public UserChange {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        organizationIds = organizationIds == null ? Set.of() : Set.copyOf(organizationIds);
    }
}
