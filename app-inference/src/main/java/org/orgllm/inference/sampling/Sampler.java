package org.orgllm.inference.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Picks one sequence's next token from its logits. Processing follows Hugging Face transformers'
 * order: extra processors (masks), repetition penalty, then OpenAI's frequency and presence penalties;
 * when sampling, the warpers temperature, top-k, top-p and min-p; finally argmax (first maximal index,
 * like {@code torch.argmax}) at temperature 0, or a multinomial draw from the softmax computed in
 * double. Ids whose logit ends at {@code -inf} are never returned.
 *
 * <p>One instance per sequence: it owns the request's random generator (seeded from
 * {@link SamplingParams#seed()} when given, so equal seeds and logits give equal tokens) and the
 * warpers' scratch buffers. Not thread-safe.
 */
public final class Sampler {

    private static final int BLOCK = 256;

    private final boolean greedy;
    private final LogitsProcessor[] pipeline;
    private final SplittableRandom random;
    private double[] blockSums = new double[0];

    /** A sampler with the built-in processors only. */
    public Sampler(SamplingParams params) {
        this(params, List.of());
    }

    /** A sampler whose extra processors run first, in list order, before the built-in ones. */
    public Sampler(SamplingParams params, List<? extends LogitsProcessor> extraProcessors) {
        Objects.requireNonNull(params, "params");
        greedy = params.greedy();
        var steps = new ArrayList<LogitsProcessor>(extraProcessors);
        if (params.repetitionPenalty() != 1.0) {
            steps.add(new RepetitionPenaltyProcessor(params.repetitionPenalty()));
        }
        if (params.frequencyPenalty() != 0 || params.presencePenalty() != 0) {
            steps.add(new FrequencyPresencePenaltyProcessor(params.frequencyPenalty(), params.presencePenalty()));
        }
        if (!greedy) {
            if (params.temperature() != 1.0) {
                steps.add(new TemperatureWarper(params.temperature()));
            }
            if (params.topK() > 0) {
                steps.add(new TopKWarper(params.topK()));
            }
            if (params.topP() < 1.0) {
                steps.add(new TopPWarper(params.topP()));
            }
            if (params.minP() > 0) {
                steps.add(new MinPWarper(params.minP()));
            }
        }
        pipeline = steps.toArray(LogitsProcessor[]::new);
        random = params.seed() == null ? new SplittableRandom() : new SplittableRandom(params.seed());
    }

    /**
     * Chooses the next token.
     *
     * @param logits  the next-position scores, one per vocabulary id; overwritten by the processing
     * @param history prompt and generated tokens of this sequence
     * @return the chosen id
     * @throws IllegalStateException when every id is masked
     */
    public int sample(float[] logits, TokenHistory history) {
        for (LogitsProcessor step : pipeline) {
            step.process(logits, history);
        }
        return greedy ? argmax(logits) : draw(logits);
    }

    /** First index of the largest logit, ignoring {@code -inf} and NaN. */
    static int argmax(float[] logits) {
        int best = -1;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] > bestValue) {
                bestValue = logits[i];
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("every token is masked: no finite logit to choose from");
        }
        return best;
    }

    /**
     * Inverse-CDF draw in two levels so that {@code exp} runs about once per token: one pass sums the
     * weights {@code exp(l - max)} per block of {@value #BLOCK} ids, the uniform draw picks a block by
     * those sums, and only that block's weights are recomputed to pick the id.
     */
    private int draw(float[] logits) {
        float max = logits[argmax(logits)];
        int blocks = (logits.length + BLOCK - 1) / BLOCK;
        if (blockSums.length < blocks) {
            blockSums = new double[blocks];
        }
        double total = 0;
        for (int b = 0; b < blocks; b++) {
            double sum = 0;
            for (int i = b * BLOCK, end = Math.min(logits.length, i + BLOCK); i < end; i++) {
                if (logits[i] > Float.NEGATIVE_INFINITY) {
                    sum += Math.exp((double) logits[i] - max);
                }
            }
            blockSums[b] = sum;
            total += sum;
        }
        double target = random.nextDouble() * total;
        int block = -1;
        for (int b = 0; b < blocks; b++) {
            if (blockSums[b] > 0) {
                block = b;
                if (target < blockSums[b]) {
                    break;
                }
                target -= blockSums[b];
            }
        }
        // Rounding can leave the target a hair above the block's sum; its last positive id owns that sliver.
        int chosen = -1;
        double cumulative = 0;
        for (int i = block * BLOCK, end = Math.min(logits.length, i + BLOCK); i < end; i++) {
            if (logits[i] > Float.NEGATIVE_INFINITY) {
                double w = Math.exp((double) logits[i] - max);
                if (w > 0) {
                    chosen = i;
                    cumulative += w;
                    if (target < cumulative) {
                        break;
                    }
                }
            }
        }
        return chosen;
    }
}
