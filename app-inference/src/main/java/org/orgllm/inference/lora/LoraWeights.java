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

  /**
   * {@code y += scale * (x A^T) B^T} in place, with as few libtorch calls as possible: each costs a JNI
   * crossing and a dispatch, and a batched step makes one of these per projection and adapter (the
   * separate linear, mul_ and add_ of {@link #delta} were ~14% of a batched decode step's samples).
   *
   * @param x (tokens, in) in this pair's dtype
   * @param y (tokens, out) in this pair's dtype, updated in place (may be a view)
   */
  public void addDeltaTo(Tensor x, Tensor y) {
    Scalar one = new Scalar(1.0);
    Scalar alpha = new Scalar(scale);
    if (x.size(0) == 1) {
      Tensor down = lora_A.mv(x.view(-1)); // (r)
      y.view(-1).addmv_(lora_B, down, one, alpha); // (out), a view of y
    } else {
      Tensor down = torch.linear(x, lora_A); // (tokens, r)
      y.addmm_(down, lora_B.t(), one, alpha); // (tokens, out)
    }
  }

  /** {@code W + scale * B A} as a new tensor in W's dtype; W is not modified. */
  public Tensor merge(Tensor weight) {
    Tensor delta = lora_B.matmul(lora_A).mul(new Scalar(scale)); // (out, in)
    return weight.to(delta.scalar_type()).add(delta).to(weight.scalar_type());
  }
}
