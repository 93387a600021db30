package org.orgllm.application.usecases;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A drafted internal communication; {@code brand_consistency} is a score from 0 to 1. */
public record CommunicationDraft(
        @NotBlank @Size(max = 150) String subject,
        @NotBlank @Size(max = 4000) String content,
        @NotBlank @Size(max = 500) String toneAnalysis,
        @DecimalMin("0") @DecimalMax("1") double brandConsistency,
        @Size(max = 5) List<@NotBlank @Size(max = 300) String> suggestedImprovements) {}
