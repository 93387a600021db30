package org.orgllm.inference.sampling;

/**
 * HF's {@code MinPLogitsWarper}: masks tokens whose probability is below {@code minP} times the
 * highest probability. The ratio of two softmax probabilities is {@code exp(l - lmax)}, so no
 * normalisation is needed; the top token always has ratio 1 and thus survives (min_tokens_to_keep=1).
 */
final class MinPWarper implements LogitsProcessor {

    private final double minP;

    MinPWarper(double minP) {
        this.minP = minP;
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
        for (int i = 0; i < logits.length; i++) {
            if (Math.exp((double) logits[i] - max) < minP) {
                logits[i] = Float.NEGATIVE_INFINITY;
            }
        }
    }
}
