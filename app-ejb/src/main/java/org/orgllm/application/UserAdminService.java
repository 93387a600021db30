package org.orgllm.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Portal users, their roles and memberships; ADMIN only. Passwords are stored as PBKDF2 hashes. */
public interface UserAdminService {

    List<UserView> list();

    /**
     * @throws DuplicateUserException when the username is taken
     * @throws UnknownOrganizationException when a membership names an unknown organization
     */
    UserView create(@NotNull @Valid NewUser user);

    /** Replaces the user's display name, roles, memberships and enabled flag (the password stays). */
    UserView update(@NotNull @Valid UserChange change);
}
