package org.orgllm.application;

import org.orgllm.domain.model.organization.OrganizationId;

/**
 * Who is calling and what they may reach. Security decisions are made in the application layer
 * through this, whatever door the call came through.
 */
public interface CallerContext {

    /** The caller's name (a username, or an API key's id), or {@code anonymous}. */
    String name();

    boolean isAdmin();

    boolean hasRole(String role);

    /** Whether the caller may use and read the organization's data. */
    boolean canAccess(OrganizationId organization);

    /** Throws {@link AccessDeniedException} unless the caller is an ADMIN. */
    default void requireAdmin() {
        if (!isAdmin()) {
            throw new AccessDeniedException("this operation needs the ADMIN role");
        }
    }
}
