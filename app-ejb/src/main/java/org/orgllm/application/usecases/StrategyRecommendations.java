package org.orgllm.application.usecases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Strategic advice on a scenario. */
public record StrategyRecommendations(
        @NotBlank @Size(max = 1200) String primaryRecommendation,
        @Size(min = 1, max = 5) List<@NotBlank @Size(max = 400) String> alternativeOptions,
        @NotBlank @Size(max = 1000) String riskAssessment,
        @Size(min = 1, max = 6) List<@NotBlank @Size(max = 200) String> successMetrics,
        @NotBlank @Size(max = 400) String timeline) {}
