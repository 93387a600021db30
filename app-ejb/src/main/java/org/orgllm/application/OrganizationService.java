package org.orgllm.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Organizations and their profiles. Reading needs membership of the organization (or ADMIN);
 * creating and changing need ADMIN. An organization the caller may not see is reported as unknown,
 * so ids of other organizations do not leak.
 */
public interface OrganizationService {

    /** @throws DuplicateOrganizationException when the id is taken */
    OrganizationProfile create(@NotNull @Valid OrganizationProfile profile);

    /** @throws UnknownOrganizationException when absent or not visible to the caller */
    OrganizationProfile get(@NotNull String organizationId);

    /** The organizations the caller may see, by name. */
    List<OrganizationProfile> listVisible();

    /** The ids of the organizations the caller is a member of (an ADMIN may see more). */
    java.util.Set<String> memberships();

    /** Replaces the profile (the id in the path wins over the one in the body). */
    OrganizationProfile update(@NotNull String organizationId, @NotNull @Valid OrganizationProfile profile);
}
