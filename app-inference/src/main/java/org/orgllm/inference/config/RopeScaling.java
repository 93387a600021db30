package org.orgllm.inference.config;

/**
 * The {@code rope_scaling} block of config.json, following transformers' {@code
 * modeling_rope_utils.py}.
 *
 * @param type which inverse-frequency rule applies
 * @param factor the scaling factor (1 for {@link Type#DEFAULT})
 * @param lowFreqFactor llama3 only
 * @param highFreqFactor llama3 only
 * @param originalMaxPositionEmbeddings llama3 only: the pre-training context length
 */
public record RopeScaling(
    Type type, double factor, double lowFreqFactor, double highFreqFactor, int originalMaxPositionEmbeddings) {

  /** Supported rope types. */
  public enum Type {
    /** Plain RoPE: {@code 1 / theta^(2i/d)}. */
    DEFAULT,
    /** Position interpolation: inverse frequencies divided by {@code factor}. */
    LINEAR,
    /** Dynamic NTK: the base grows with the sequence length once it exceeds max_position_embeddings. */
    DYNAMIC,
    /** Llama 3.1: low frequencies divided by factor, high kept, a smooth ramp between. */
    LLAMA3
  }

  /** No scaling. */
  public static RopeScaling none() {
    return new RopeScaling(Type.DEFAULT, 1.0, 0, 0, 0);
  }
}
