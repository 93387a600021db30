package org.orgllm.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a reviewer says about a generation: overall quality, organizational alignment and brand voice
 * on 1–5, thumbs up or down, why, and optionally the output as it should have been.
 */
public record Rating(
        @NotNull @Min(1) @Max(5) Integer quality,
        @NotNull @Min(1) @Max(5) Integer alignment,
        @NotNull @Min(1) @Max(5) Integer brandVoice,
        Boolean thumbsUp,
        @Size(max = 8000) String rationale,
        @Size(max = 32000) String correctedOutput) {}
