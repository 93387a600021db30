package org.orgllm.domain.model.generation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orgllm.domain.model.organization.OrganizationId;

/** Where generations are kept. */
public interface GenerationRepository {

    void store(Generation generation);

    Optional<Generation> find(UUID id);

    Optional<Generation> findByIdempotencyKey(String key);

    /** Newest first; {@code useCase}, {@code from} and {@code to} are optional filters. */
    List<Generation> search(OrganizationId organization, String useCase, Instant from, Instant to, int offset, int limit);

    long count(OrganizationId organization, String useCase, Instant from, Instant to);

    /** Newest first, by the filter. */
    List<Generation> search(GenerationFilter filter, int offset, int limit);

    long count(GenerationFilter filter);

    /** The base models and adapter versions the organization's generations used, for filter choices. */
    List<String> baseModels(OrganizationId organization);

    List<String> adapterVersions(OrganizationId organization);
}
