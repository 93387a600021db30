package org.orgllm.application.usecases;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A drafted reply to a customer; {@code brand_compliance} is a score from 0 to 1. */
public record CustomerResponse(
        @NotBlank @Size(max = 3000) String draftResponse,
        @NotBlank @Size(max = 500) String toneAnalysis,
        @DecimalMin("0") @DecimalMax("1") double brandCompliance,
        boolean escalationNeeded,
        @Size(max = 5) List<@NotBlank @Size(max = 300) String> suggestedActions) {}
