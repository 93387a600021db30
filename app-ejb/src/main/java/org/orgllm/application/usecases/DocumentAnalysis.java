package org.orgllm.application.usecases;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The analysis of a document; {@code organizational_alignment} is a score from 0 to 1. */
public record DocumentAnalysis(
        @NotBlank @Size(max = 1200) String summary,
        @Size(min = 1, max = 6) List<@NotBlank @Size(max = 300) String> keyInsights,
        @DecimalMin("0") @DecimalMax("1") double organizationalAlignment,
        @Size(min = 1, max = 6) List<@NotBlank @Size(max = 300) String> strategicRecommendations) {}
