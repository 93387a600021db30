package org.orgllm.inference.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each processor against values worked out by hand from transformers' definitions. */
class LogitsProcessorsTest {

    private static final float NEG_INF = Float.NEGATIVE_INFINITY;
    private static final TokenHistory EMPTY = TokenHistory.ofPrompt();

    @Test
    void repetitionPenaltyDividesPositiveAndMultipliesNegativeOncePerDistinctId() {
        TokenHistory history = TokenHistory.ofPrompt(0, 1, 1);
        history.append(1);
        history.append(3);
        float[] logits = {2.0f, -2.0f, 1.0f, 0.5f};
        new RepetitionPenaltyProcessor(2.0).process(logits, history);
        assertThat(logits).containsExactly(1.0f, -4.0f, 1.0f, 0.25f);
    }

    @Test
    void repetitionPenaltyBelowOneRewardsRepeats() {
        float[] logits = {2.0f, -2.0f};
        new RepetitionPenaltyProcessor(0.5).process(logits, TokenHistory.ofPrompt(0, 1));
        assertThat(logits).containsExactly(4.0f, -1.0f);
    }

    @Test
    void frequencyAndPresencePenaltiesCountGeneratedTokensOnly() {
        TokenHistory history = TokenHistory.ofPrompt(2, 2);
        history.append(0);
        history.append(0);
        history.append(1);
        float[] logits = {5f, 5f, 5f, 5f};
        new FrequencyPresencePenaltyProcessor(0.5, 1.0).process(logits, history);
        // id 0: 5 - (2 * 0.5 + 1); id 1: 5 - (1 * 0.5 + 1); id 2 is only in the prompt.
        assertThat(logits).containsExactly(3.0f, 3.5f, 5f, 5f);
    }

    @Test
    void temperatureDivides() {
        float[] logits = {1f, -2f, 0.5f, NEG_INF};
        new TemperatureWarper(0.5).process(logits, EMPTY);
        assertThat(logits).containsExactly(2f, -4f, 1f, NEG_INF);
    }

    @Test
    void topKKeepsTiesWithTheKthValue() {
        float[] logits = {1f, 3f, 3f, 2f, 3f};
        new TopKWarper(2).process(logits, EMPTY);
        assertThat(logits).containsExactly(NEG_INF, 3f, 3f, NEG_INF, 3f);

        float[] distinct = {0.1f, 0.4f, -1f, 0.3f, 0.2f};
        new TopKWarper(3).process(distinct, EMPTY);
        assertThat(distinct).containsExactly(NEG_INF, 0.4f, NEG_INF, 0.3f, 0.2f);
    }

    @Test
    void topKAtLeastVocabularyIsANoOp() {
        float[] logits = {1f, 2f};
        new TopKWarper(5).process(logits, EMPTY);
        assertThat(logits).containsExactly(1f, 2f);
    }

    @Test
    void topKMatchesFullSortOnLargeRandomVocabulary() {
        Random random = new Random(1);
        for (int k : new int[] {1, 5, 50, 1000}) {
            float[] logits = randomLogits(random, 20_000);
            float[] sorted = logits.clone();
            Arrays.sort(sorted);
            float threshold = sorted[sorted.length - k];
            new TopKWarper(k).process(logits, EMPTY);
            assertThat(countFinite(logits)).isEqualTo(k);
            for (float l : logits) {
                assertThat(l == NEG_INF || l >= threshold).isTrue();
            }
        }
    }

    @Test
    void topPOnExactUniformBoundaryFollowsHfStableAscendingSort() {
        // probs 0.25 each; HF removes ascending cumsum <= 1 - top_p, i.e. [.25, .5] for ids 0 and 1.
        float[] half = {0f, 0f, 0f, 0f};
        new TopPWarper(0.5).process(half, EMPTY);
        assertThat(half).containsExactly(NEG_INF, NEG_INF, 0f, 0f);

        float[] threeQuarters = {0f, 0f, 0f, 0f};
        new TopPWarper(0.75).process(threeQuarters, EMPTY);
        assertThat(threeQuarters).containsExactly(NEG_INF, 0f, 0f, 0f);

        float[] justAbove = {0f, 0f, 0f, 0f};
        new TopPWarper(0.5000001).process(justAbove, EMPTY);
        assertThat(justAbove).containsExactly(NEG_INF, 0f, 0f, 0f);
    }

    @Test
    void topPKeepsAtLeastTheMostProbableToken() {
        float[] logits = {1f, 3f, 2f};
        new TopPWarper(0.01).process(logits, EMPTY);
        assertThat(logits).containsExactly(NEG_INF, 3f, NEG_INF);

        float[] tied = {0f, 0f, 0f, 0f};
        new TopPWarper(0.1).process(tied, EMPTY);
        assertThat(tied).containsExactly(NEG_INF, NEG_INF, NEG_INF, 0f);
    }

    @Test
    void topPKeepsSmallestSetReachingTheMass() {
        // probs 0.5, 0.3, 0.15, 0.05 (the logits are their logarithms)
        float[] base = {(float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.15), (float) Math.log(0.05)};
        float[] p79 = base.clone();
        new TopPWarper(0.79).process(p79, EMPTY);
        assertThat(p79).containsExactly(base[0], base[1], NEG_INF, NEG_INF);
        float[] p81 = base.clone();
        new TopPWarper(0.81).process(p81, EMPTY);
        assertThat(p81).containsExactly(base[0], base[1], base[2], NEG_INF);
        float[] p96 = base.clone();
        new TopPWarper(0.96).process(p96, EMPTY);
        assertThat(p96).containsExactly(base);
        float[] p49 = base.clone();
        new TopPWarper(0.49).process(p49, EMPTY);
        assertThat(p49).containsExactly(base[0], NEG_INF, NEG_INF, NEG_INF);
    }

    @Test
    void topPIgnoresAlreadyMaskedTokens() {
        float[] logits = {0f, NEG_INF, 0f, NEG_INF};
        new TopPWarper(0.9).process(logits, EMPTY);
        assertThat(logits).containsExactly(0f, NEG_INF, 0f, NEG_INF);
    }

    @Test
    void topPMatchesHfReferenceOnLargeVocabularies() {
        Random random = new Random(7);
        // The full vocabulary for some cases, a smaller one for the rest to keep the literal reference quick.
        int caseNumber = 0;
        for (double scale : new double[] {0.3, 1, 3, 10}) {
            for (double topP : new double[] {0.05, 0.5, 0.9, 0.95, 0.999}) {
                float[] logits = randomLogits(random, caseNumber++ % 4 == 0 ? 151_936 : 20_000);
                for (int i = 0; i < logits.length; i++) {
                    logits[i] *= (float) scale;
                }
                float[] expected = logits.clone();
                hfTopP(expected, topP);
                new TopPWarper(topP).process(logits, EMPTY);
                // Arrays.mismatch rather than containsExactly: AssertJ is slow on 151,936-element arrays.
                assertThat(Arrays.mismatch(logits, expected)).as("scale %s top_p %s: first differing id", scale, topP)
                        .isEqualTo(-1);
                assertThat(countFinite(logits)).isPositive();
            }
        }
    }

    @Test
    void minPRemovesTokensBelowFractionOfTopProbability() {
        // ratios to the top probability: 1, e^-1 = 0.368, e^-2 = 0.135, e^-3 = 0.050
        float[] logits = {2f, 1f, 0f, -1f};
        new MinPWarper(0.3).process(logits, EMPTY);
        assertThat(logits).containsExactly(2f, 1f, NEG_INF, NEG_INF);

        float[] strict = {2f, 1f, 0f, -1f};
        new MinPWarper(0.37).process(strict, EMPTY);
        assertThat(strict).containsExactly(2f, NEG_INF, NEG_INF, NEG_INF);

        float[] ties = {2f, 2f, 1f};
        new MinPWarper(1.0).process(ties, EMPTY);
        assertThat(ties).containsExactly(2f, 2f, NEG_INF);
    }

    /** transformers' TopPLogitsWarper, literally: stable ascending sort, cumsum, remove <= 1 - top_p. */
    static void hfTopP(float[] logits, double topP) {
        Integer[] order = new Integer[logits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(logits[a], logits[b]));
        float max = logits[order[order.length - 1]];
        double total = 0;
        for (float l : logits) {
            total += Math.exp((double) l - max);
        }
        double cumulative = 0;
        boolean[] remove = new boolean[logits.length];
        for (int j = 0; j < order.length - 1; j++) {
            cumulative += Math.exp((double) logits[order[j]] - max) / total;
            remove[order[j]] = cumulative <= 1 - topP;
        }
        for (int i = 0; i < logits.length; i++) {
            if (remove[i]) {
                logits[i] = NEG_INF;
            }
        }
    }

    static float[] randomLogits(Random random, int size) {
        float[] logits = new float[size];
        for (int i = 0; i < size; i++) {
            logits[i] = (float) random.nextGaussian();
        }
        return logits;
    }

    private static int countFinite(float[] logits) {
        int n = 0;
        for (float l : logits) {
            if (l > NEG_INF) {
                n++;
            }
        }
        return n;
    }
}
