package org.orgllm.inference.sampling;

/**
 * OpenAI's penalties over generated tokens only (the prompt does not count):
 * {@code logit -= count * frequencyPenalty + (count > 0 ? presencePenalty : 0)}.
 */
final class FrequencyPresencePenaltyProcessor implements LogitsProcessor {

    private final double frequencyPenalty;
    private final double presencePenalty;

    FrequencyPresencePenaltyProcessor(double frequencyPenalty, double presencePenalty) {
        this.frequencyPenalty = frequencyPenalty;
        this.presencePenalty = presencePenalty;
    }

    @Override
    public void process(float[] logits, TokenHistory history) {
        history.forEachGeneratedCount((id, count) -> {
            if (id < logits.length) {
                logits[id] = (float) (logits[id] - (count * frequencyPenalty + presencePenalty));
            }
        });
    }
}
