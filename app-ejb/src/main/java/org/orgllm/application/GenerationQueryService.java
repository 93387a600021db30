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

    /**
     * One page of an organization's generations by every history filter, newest first.
     *
     * @param criteria the organization plus optional use case, window, model, adapter version and rating
     */
    Page<GenerationView> search(@NotNull HistoryCriteria criteria, int page, int size);

    /** The base models and adapter versions an organization's generations used. */
    ModelChoices modelChoices(@NotNull String organizationId);

    /**
     * What the history can be filtered by.
     *
     * @param to exclusive
     * @param minQuality only generations some reviewer rated at least this quality (1–5)
     * @param rated true: only rated; false: only unrated; null: either
     */
    record HistoryCriteria(String organizationId, String useCase, Instant from, Instant to, String baseModel,
                           String adapterVersion, Integer minQuality, Boolean rated) {}

    /** Filter choices for the history. */
    record ModelChoices(List<String> baseModels, List<String> adapterVersions) {}
}
