package org.orgllm.application;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reading generation records: only those of organizations the caller may reach. */
public interface GenerationQueryService {

    /** One page of an organization's generations, newest first. */
    Page<GenerationView> search(@NotNull String organizationId, String useCase, Instant from, Instant to, int page,
            int size);

    /** @throws UnknownGenerationException when absent or of an organization the caller may not reach */
    GenerationView get(@NotNull UUID id);

    /** A page of results and the total count. */
    record Page<T>(List<T> items, int page, int size, long total) {}
}
