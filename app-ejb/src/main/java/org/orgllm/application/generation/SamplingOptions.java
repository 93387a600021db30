package org.orgllm.application.generation;

import java.util.List;

/**
 * How to pick tokens. {@code null} fields take the model's defaults; temperature 0 is greedy.
 */
public record SamplingOptions(Double temperature, Double topP, Integer topK, Double minP, Double repetitionPenalty,
                              Double frequencyPenalty, Double presencePenalty, Long seed, List<String> stop) {

    public SamplingOptions {
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    /** Deterministic: greedy decoding. */
    public static SamplingOptions greedy() {
        return new SamplingOptions(0.0, null, null, null, null, null, null, null, List.of());
    }

    /** The use cases' default: a little randomness, reproducible when a seed is given. */
    public static SamplingOptions balanced() {
        return new SamplingOptions(0.7, 0.9, null, null, 1.05, null, null, null, List.of());
    }

    public SamplingOptions withSeed(Long newSeed) {
        return new SamplingOptions(temperature, topP, topK, minP, repetitionPenalty, frequencyPenalty, presencePenalty,
                newSeed, stop);
    }

    public SamplingOptions withTemperature(Double newTemperature) {
        return new SamplingOptions(newTemperature, topP, topK, minP, repetitionPenalty, frequencyPenalty,
                presencePenalty, seed, stop);
    }
}
