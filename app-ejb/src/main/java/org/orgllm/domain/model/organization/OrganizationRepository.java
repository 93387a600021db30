package org.orgllm.domain.model.organization;

import java.util.List;
import java.util.Optional;

/** Where organizations are kept. */
public interface OrganizationRepository {

    Optional<Organization> find(OrganizationId id);

    List<Organization> findAll();

    List<Organization> findAll(java.util.Collection<OrganizationId> ids);

    boolean exists(OrganizationId id);

    void store(Organization organization);
}
