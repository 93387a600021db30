package org.orgllm.domain.model.apikey;

import java.util.List;
import java.util.Optional;
import org.orgllm.domain.model.organization.OrganizationId;

/** Where API keys are kept. */
public interface ApiKeyRepository {

    void store(ApiKey key);

    Optional<ApiKey> findByPrefix(String prefix);

    Optional<ApiKey> find(OrganizationId organization, long id);

    List<ApiKey> list(OrganizationId organization);
}
