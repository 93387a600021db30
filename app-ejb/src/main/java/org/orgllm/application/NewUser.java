package org.orgllm.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.orgllm.domain.model.user.Role;

/** A user an administrator creates: name, password, roles and the organizations they work for. */
public record NewUser(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{2,100}", message = "2–100 letters, digits or . _ @ -") String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotBlank @Size(min = 8, max = 200, message = "must be 8 to 200 characters") String password,
        @NotEmpty Set<Role> roles,
        Set<String> organizationIds) {

    public NewUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        organizationIds = organizationIds == null ? Set.of() : Set.copyOf(organizationIds);
    }
}
