package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a competitor's move means and what to do about it. */
public record CompetitiveIntelligence(
        @NotBlank @Size(max = 1000) String threatAssessment,
        @Size(min = 1, max = 5) List<@NotBlank @Size(max = 300) String> strategicImplications,
        @Size(min = 1, max = 5) List<@NotBlank @Size(max = 300) String> responseOptions,
        @Size(min = 1, max = 5) List<@NotBlank @Size(max = 300) String> recommendedActions,
        @Size(min = 1, max = 5) List<@NotBlank @Size(max = 200) String> monitoringPriorities) {}
