package org.orgllm.domain.model.generation;

import java.time.Instant;
import java.util.Objects;
import org.orgllm.domain.model.organization.OrganizationId;

/**
 * Which of an organization's generations to list; every field but the organization is optional.
 *
 * @param to exclusive
 * @param minQuality only generations some reviewer rated at least this quality (1–5)
 * @param rated true: only rated generations; false: only unrated ones
 */
public record GenerationFilter(OrganizationId organization, String useCase, Instant from, Instant to,
                               String baseModel, String adapterVersion, Integer minQuality, Boolean rated) {

    public GenerationFilter {
        Objects.requireNonNull(organization, "organization");
        useCase = blankToNull(useCase);
        baseModel = blankToNull(baseModel);
        adapterVersion = blankToNull(adapterVersion);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
