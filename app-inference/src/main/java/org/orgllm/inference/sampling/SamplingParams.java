package org.orgllm.inference.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How one request samples and when it stops. Semantics follow Hugging Face transformers for
 * temperature, top-k, top-p, min-p and repetition penalty, and OpenAI for frequency and presence
 * penalties; {@link Sampler} documents the order in which they apply.
 *
 * @param temperature       divides the logits; {@code 0} means greedy (argmax, no warpers)
 * @param topK              keep the {@code topK} highest logits (ties with the k-th kept); {@code 0} disables
 * @param topP              nucleus mass in {@code (0, 1]}; {@code 1} disables
 * @param minP              drop tokens whose probability is below {@code minP} times the top one; {@code 0} disables
 * @param repetitionPenalty HF's penalty over prompt and generated tokens, {@code > 0}; {@code 1} disables
 * @param frequencyPenalty  OpenAI's per-occurrence penalty over generated tokens, in {@code [-2, 2]}
 * @param presencePenalty   OpenAI's once-per-token penalty over generated tokens, in {@code [-2, 2]}
 * @param seed              seeds this request's own generator; {@code null} draws a fresh seed
 * @param maxNewTokens      the most tokens to generate, {@code >= 1}
 * @param stopTokenIds      ids that end the sequence (even with {@code ignoreEos}); not part of the text
 * @param stopStrings       strings that end the sequence; the text is cut before the first occurrence
 * @param ignoreEos         keep generating past the model's end-of-sequence ids
 */
public record SamplingParams(
        double temperature,
        int topK,
        double topP,
        double minP,
        double repetitionPenalty,
        double frequencyPenalty,
        double presencePenalty,
        Long seed,
        int maxNewTokens,
        Set<Integer> stopTokenIds,
        List<String> stopStrings,
        boolean ignoreEos) {

    /** The default budget when a request names none. */
    public static final int DEFAULT_MAX_NEW_TOKENS = 256;

    /** Validates every field; collections are copied and made unmodifiable. */
    public SamplingParams {
        require(Double.isFinite(temperature) && temperature >= 0,
                "temperature must be finite and >= 0, got " + temperature);
        require(topK >= 0, "topK must be >= 0 (0 disables it), got " + topK);
        require(topP > 0 && topP <= 1, "topP must be in (0, 1], got " + topP);
        require(minP >= 0 && minP <= 1, "minP must be in [0, 1], got " + minP);
        require(Double.isFinite(repetitionPenalty) && repetitionPenalty > 0,
                "repetitionPenalty must be finite and > 0, got " + repetitionPenalty);
        require(frequencyPenalty >= -2 && frequencyPenalty <= 2,
                "frequencyPenalty must be in [-2, 2], got " + frequencyPenalty);
        require(presencePenalty >= -2 && presencePenalty <= 2,
                "presencePenalty must be in [-2, 2], got " + presencePenalty);
        require(maxNewTokens >= 1, "maxNewTokens must be >= 1, got " + maxNewTokens);
        stopTokenIds = copyStopTokenIds(stopTokenIds);
        stopStrings = copyStopStrings(stopStrings);
    }

    /** Multinomial sampling at temperature 1 with nothing else enabled. */
    public static SamplingParams defaults() {
        return builder().build();
    }

    /** Argmax decoding with the given budget. */
    public static SamplingParams greedy(int maxNewTokens) {
        return builder().temperature(0).maxNewTokens(maxNewTokens).build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether this request decodes by argmax. */
    public boolean greedy() {
        return temperature == 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static Set<Integer> copyStopTokenIds(Set<Integer> ids) {
        if (ids == null) {
            return Set.of();
        }
        var copy = new LinkedHashSet<Integer>();
        for (Integer id : ids) {
            require(id != null && id >= 0, "stopTokenIds must hold ids >= 0, got " + id);
            copy.add(id);
        }
        return Set.copyOf(copy);
    }

    private static List<String> copyStopStrings(List<String> strings) {
        if (strings == null) {
            return List.of();
        }
        var copy = new ArrayList<String>(strings.size());
        for (String s : strings) {
            require(s != null && !s.isEmpty(), "stopStrings must not contain null or empty strings");
            copy.add(s);
        }
        return List.copyOf(copy);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private double temperature = 1.0;
        private int topK;
        private double topP = 1.0;
        private double minP;
        private double repetitionPenalty = 1.0;
        private double frequencyPenalty;
        private double presencePenalty;
        private Long seed;
        private int maxNewTokens = DEFAULT_MAX_NEW_TOKENS;
        private Set<Integer> stopTokenIds = Set.of();
        private List<String> stopStrings = List.of();
        private boolean ignoreEos;

        private Builder() {
        }

        private Builder(SamplingParams p) {
            temperature = p.temperature;
            topK = p.topK;
            topP = p.topP;
            minP = p.minP;
            repetitionPenalty = p.repetitionPenalty;
            frequencyPenalty = p.frequencyPenalty;
            presencePenalty = p.presencePenalty;
            seed = p.seed;
            maxNewTokens = p.maxNewTokens;
            stopTokenIds = p.stopTokenIds;
            stopStrings = p.stopStrings;
            ignoreEos = p.ignoreEos;
        }

        public Builder temperature(double v) { temperature = v; return this; }
        public Builder topK(int v) { topK = v; return this; }
        public Builder topP(double v) { topP = v; return this; }
        public Builder minP(double v) { minP = v; return this; }
        public Builder repetitionPenalty(double v) { repetitionPenalty = v; return this; }
        public Builder frequencyPenalty(double v) { frequencyPenalty = v; return this; }
        public Builder presencePenalty(double v) { presencePenalty = v; return this; }
        public Builder seed(Long v) { seed = v; return this; }
        public Builder maxNewTokens(int v) { maxNewTokens = v; return this; }
        public Builder ignoreEos(boolean v) { ignoreEos = v; return this; }

        public Builder stopTokenIds(Collection<Integer> v) {
            stopTokenIds = v == null ? null : new LinkedHashSet<>(v);
            return this;
        }

        public Builder stopStrings(List<String> v) {
            stopStrings = v;
            return this;
        }

        public Builder stopStrings(String... v) {
            return stopStrings(Arrays.asList(Objects.requireNonNull(v, "stopStrings")));
        }

        public SamplingParams build() {
            return new SamplingParams(temperature, topK, topP, minP, repetitionPenalty, frequencyPenalty,
                    presencePenalty, seed, maxNewTokens, stopTokenIds, stopStrings, ignoreEos);
        }
    }
}
