package org.orgllm.inference.sampling;

/** HF's {@code TemperatureLogitsWarper}: divides every logit by the temperature, in float. */
final class TemperatureWarper implements LogitsProcessor {

    private final float temperature;

    TemperatureWarper(double temperature) {
        this.temperature = (float) temperature;
    }

    @Override
    public void process(float[] logits, TokenHistory history) {
        for (int i = 0; i < logits.length; i++) {
            logits[i] /= temperature;
        }
    }
}
