package org.orgllm.inference.sampling;

import java.util.Arrays;

/**
 * HF's {@code TopPLogitsWarper} (min_tokens_to_keep=1): keeps the smallest set of most probable tokens
 * whose cumulative probability reaches {@code topP}. HF sorts ascending (stably, so among equal logits
 * the lower id comes first) and removes tokens whose ascending cumulative sum is {@code <= 1 - topP};
 * equivalently, walking in descending order (equal logits: higher id first), a token is kept while the
 * mass of the tokens before it is still below {@code topP}.
 *
 * <p>Sorting 151,936 entries every step is avoided: a histogram of probability mass over logit gaps
 * below the maximum finds a logit bound above which the nucleus must lie, and only tokens above it are
 * sorted. If rounding makes that bound too tight the warper falls back to sorting every finite token.
 */
final class TopPWarper implements LogitsProcessor {

    private static final double BUCKET_WIDTH = 0.125;
    private static final int BUCKETS = 512;

    private final double topP;
    private final double[] bucketMass = new double[BUCKETS + 1];
    private long[] keys = new long[256];

    TopPWarper(double topP) {
        this.topP = topP;
    }

    @Override
    public void process(float[] logits, TokenHistory history) {
        float max = Float.NEGATIVE_INFINITY;
        for (float l : logits) {
            if (l > max) {
                max = l;
            }
        }
        if (max == Float.NEGATIVE_INFINITY) {
            return;
        }
        Arrays.fill(bucketMass, 0);
        double total = 0;
        for (float l : logits) {
            if (l > Float.NEGATIVE_INFINITY) {
                double w = Math.exp((double) l - max);
                total += w;
                bucketMass[bucket(max, l)] += w;
            }
        }
        int lastBucket = BUCKETS;
        double cumulative = 0;
        for (int b = 0; b < BUCKETS; b++) {
            cumulative += bucketMass[b];
            if (cumulative >= topP * total) {
                lastBucket = b;
                break;
            }
        }
        if (!keepNucleus(logits, max, total, lastBucket)) {
            keepNucleus(logits, max, total, BUCKETS);
        }
    }

    /**
     * Sorts the tokens of buckets {@code 0..lastBucket} and masks everything outside the nucleus.
     * Returns false, touching nothing, when the candidates do not reach {@code topP} on their own.
     */
    private boolean keepNucleus(float[] logits, float max, double total, int lastBucket) {
        int m = 0;
        for (int i = 0; i < logits.length; i++) {
            float l = logits[i];
            if (l > Float.NEGATIVE_INFINITY && bucket(max, l) <= lastBucket) {
                if (m == keys.length) {
                    keys = Arrays.copyOf(keys, keys.length * 2);
                }
                keys[m++] = sortKey(l, i);
            }
        }
        Arrays.sort(keys, 0, m);
        double before = 0;
        int j = m - 1;
        while (j >= 0 && before < topP) {
            before += Math.exp((double) logitOf(keys[j]) - max) / total;
            j--;
        }
        if (j < 0 && before < topP && lastBucket < BUCKETS) {
            return false;
        }
        long smallestKept = keys[j + 1];
        for (int i = 0; i < logits.length; i++) {
            float l = logits[i];
            if (l > Float.NEGATIVE_INFINITY && sortKey(l, i) < smallestKept) {
                logits[i] = Float.NEGATIVE_INFINITY;
            }
        }
        return true;
    }

    private static int bucket(float max, float logit) {
        double gap = (double) max - logit;
        return gap >= BUCKETS * BUCKET_WIDTH ? BUCKETS : (int) (gap / BUCKET_WIDTH);
    }

    /** Orders by logit, then by id, like a stable ascending sort; the float bits are made sign-ordered. */
    private static long sortKey(float logit, int index) {
        int bits = Float.floatToIntBits(logit);
        bits ^= (bits >> 31) & 0x7fffffff;
        return ((long) bits << 32) | (index & 0xffffffffL);
    }

    private static float logitOf(long key) {
        int bits = (int) (key >> 32);
        bits ^= (bits >> 31) & 0x7fffffff;
        return Float.intBitsToFloat(bits);
    }
}
