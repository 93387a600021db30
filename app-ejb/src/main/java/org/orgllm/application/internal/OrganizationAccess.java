package org.orgllm.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.orgllm.application.CallerContext;
import org.orgllm.application.UnknownOrganizationException;
import org.orgllm.domain.model.organization.Organization;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.organization.OrganizationRepository;

/**
 * The one check every organization-scoped use case starts with: the id is a valid slug, the
 * organization exists, and the caller may reach it. Anything else looks like an unknown organization.
 */
@ApplicationScoped
public class OrganizationAccess {

    @Inject
    OrganizationRepository organizations;

    @Inject
    CallerContext caller;

    /** @throws UnknownOrganizationException when absent or not the caller's */
    public OrganizationId require(String organizationId) {
        return load(organizationId).id();
    }

    /** The organization, when it exists and the caller may reach it. */
    public Organization load(String organizationId) {
        OrganizationId id = OrganizationId.of(organizationId);
        return organizations.find(id)
                .filter(o -> caller.canAccess(id))
                .orElseThrow(() -> new UnknownOrganizationException(id.value()));
    }
}
