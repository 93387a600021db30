package org.orgllm.inference.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final float NEG_INF = Float.NEGATIVE_INFINITY;

    @Test
    void greedyIsFirstArgmax() {
        Sampler sampler = new Sampler(SamplingParams.greedy(10));
        assertThat(sampler.sample(new float[] {1f, 5f, 5f, 2f}, TokenHistory.ofPrompt())).isEqualTo(1);
        assertThat(sampler.sample(new float[] {NEG_INF, -3f, NEG_INF}, TokenHistory.ofPrompt())).isEqualTo(1);
    }

    @Test
    void greedyStillAppliesPenalties() {
        TokenHistory history = TokenHistory.ofPrompt(9);
        history.append(0);
        Sampler sampler = new Sampler(SamplingParams.builder().temperature(0).presencePenalty(0.5).build());
        assertThat(sampler.sample(new float[] {3f, 2.9f}, history)).isEqualTo(1);
    }

    @Test
    void penaltiesRunBeforeTemperature() {
        TokenHistory history = TokenHistory.ofPrompt();
        history.append(0);
        float[] logits = {2f, 0f};
        new Sampler(SamplingParams.builder().temperature(0.5).presencePenalty(1).seed(1L).build()).sample(logits, history);
        // (2 - 1) / 0.5, not 2 / 0.5 - 1
        assertThat(logits).containsExactly(2f, 0f);
    }

    @Test
    void sameSeedSameTokensDifferentSeedsDiffer() {
        float[] logits = LogitsProcessorsTest.randomLogits(new Random(3), 1000);
        int[] a = drawMany(SamplingParams.builder().seed(42L).build(), logits, 200);
        int[] b = drawMany(SamplingParams.builder().seed(42L).build(), logits, 200);
        int[] c = drawMany(SamplingParams.builder().seed(43L).build(), logits, 200);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void seededRequestsAreIndependentOfEachOther() {
        float[] logits = LogitsProcessorsTest.randomLogits(new Random(4), 100);
        int[] alone = drawMany(SamplingParams.builder().seed(5L).build(), logits, 50);
        Sampler first = new Sampler(SamplingParams.builder().seed(5L).build());
        Sampler other = new Sampler(SamplingParams.builder().seed(6L).build());
        int[] interleaved = new int[50];
        for (int i = 0; i < 50; i++) {
            other.sample(logits.clone(), TokenHistory.ofPrompt());
            interleaved[i] = first.sample(logits.clone(), TokenHistory.ofPrompt());
        }
        assertThat(interleaved).containsExactly(alone);
    }

    @Test
    void maskedIdsAreNeverSampled() {
        LogitsProcessor maskOdd = (logits, history) -> {
            for (int i = 1; i < logits.length; i += 2) {
                logits[i] = NEG_INF;
            }
        };
        float[] logits = new float[50];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = i % 2 == 1 ? 10f : 0f;
        }
        for (SamplingParams params : List.of(
                SamplingParams.builder().seed(1L).temperature(3).build(),
                SamplingParams.builder().seed(2L).topP(0.99).topK(40).build(),
                SamplingParams.builder().seed(3L).minP(0.0001).frequencyPenalty(-2).build(),
                SamplingParams.greedy(1))) {
            Sampler sampler = new Sampler(params, List.of(maskOdd));
            TokenHistory history = TokenHistory.ofPrompt(1, 3);
            for (int i = 0; i < 5000; i++) {
                int id = sampler.sample(logits.clone(), history);
                assertThat(id % 2).as("%s", params).isZero();
            }
        }
    }

    @Test
    void everyIdMaskedIsAnError() {
        Sampler sampler = new Sampler(SamplingParams.builder().seed(1L).build(),
                List.of((logits, history) -> java.util.Arrays.fill(logits, NEG_INF)));
        assertThatThrownBy(() -> sampler.sample(new float[] {1f, 2f}, TokenHistory.ofPrompt()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("masked");
    }

    @Test
    void warpedTokensAreNeverSampled() {
        float[] logits = {3f, 2.5f, 2f, 1f, 0f, -1f};
        Sampler sampler = new Sampler(SamplingParams.builder().seed(9L).topK(3).build());
        for (int i = 0; i < 5000; i++) {
            assertThat(sampler.sample(logits.clone(), TokenHistory.ofPrompt())).isLessThan(3);
        }
    }

    @Test
    void empiricalFrequenciesMatchSoftmax() {
        float[] logits = {1.0f, 2.0f, 0.5f, -1.0f, 1.5f, 0.0f};
        int draws = 200_000;
        long[] counts = new long[logits.length];
        Sampler sampler = new Sampler(SamplingParams.builder().seed(20240601L).build());
        for (int i = 0; i < draws; i++) {
            counts[sampler.sample(logits.clone(), TokenHistory.ofPrompt())]++;
        }
        // Chi-square with 5 degrees of freedom; 20.52 is the 0.1% critical value.
        assertThat(chiSquare(counts, softmax(logits), draws)).isLessThan(20.52);

        // The same statistic does reject a distribution off by 0.05 in one logit: the test can fail.
        float[] shifted = logits.clone();
        shifted[4] += 0.05f;
        assertThat(chiSquare(counts, softmax(shifted), draws)).isGreaterThan(20.52);
    }

    @Test
    void temperatureAndTopKReshapeTheDistribution() {
        float[] logits = {1.0f, 2.0f, 0.5f, -1.0f};
        int draws = 100_000;
        long[] counts = new long[logits.length];
        Sampler sampler = new Sampler(SamplingParams.builder().seed(11L).temperature(0.5).topK(3).build());
        for (int i = 0; i < draws; i++) {
            counts[sampler.sample(logits.clone(), TokenHistory.ofPrompt())]++;
        }
        assertThat(counts[3]).isZero();
        double[] expected = softmax(new float[] {2f, 4f, 1f});
        long[] kept = {counts[0], counts[1], counts[2]};
        // 2 degrees of freedom, 0.1% critical value 13.82
        assertThat(chiSquare(kept, expected, draws)).isLessThan(13.82);
    }

    private static int[] drawMany(SamplingParams params, float[] logits, int n) {
        Sampler sampler = new Sampler(params);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = sampler.sample(logits.clone(), TokenHistory.ofPrompt());
        }
        return ids;
    }

    private static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            total += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= total;
        }
        return p;
    }

    private static double chiSquare(long[] observed, double[] probabilities, int draws) {
        double chi = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = probabilities[i] * draws;
            chi += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        return chi;
    }
}
