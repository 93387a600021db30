package org.orgllm.inference.lora;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The low-rank pair of one projection.
 *
 * @param lora_A (r, in) down-projection
 * @param lora_B (out, r) up-projection
 * @param scale lora_alpha / r, or lora_alpha / sqrt(r) with rsLoRA
 */
public record LoraWeights(Tensor lora_A, Tensor lora_B, double scale) {

  /** {@code scale * (x A^T) B^T} for x of shape (tokens, in); returns (tokens, out). */
  public Tensor delta(Tensor x) {
    Tensor down = torch.linear(x, lora_A); // (tokens, r)
    return torch.linear(down, lora_B).mul_(new Scalar(scale)); // (tokens, out)
  }

  /** {@code W + scale * B A} as a new tensor in W's dtype; W is not modified. */
  public Tensor merge(Tensor weight) {
    Tensor delta = lora_B.matmul(lora_A).mul(new Scalar(scale)); // (out, in)
    return weight.to(delta.scalar_type()).add(delta).to(weight.scalar_type());
  }
}
