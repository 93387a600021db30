package org.orgllm.inference.sampling;

/**
 * HF's {@code RepetitionPenaltyLogitsProcessor}: every distinct id of prompt and generated tokens has
 * its logit divided by the penalty when positive and multiplied by it when negative, once however
 * often it occurs.
 */
final class RepetitionPenaltyProcessor implements LogitsProcessor {

    private final float penalty;

    RepetitionPenaltyProcessor(double penalty) {
        this.penalty = (float) penalty;
    }

    @Override
    public void process(float[] logits, TokenHistory history) {
        history.forEachDistinctToken(id -> {
            if (id < logits.length) {
                float score = logits[id];
                logits[id] = score < 0 ? score * penalty : score / penalty;
            }
        });
    }
}
