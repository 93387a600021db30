package org.orgllm.inference.model;

import org.bytedeco.pytorch.Tensor;

/**
 * Logits of a batched forward pass, as float32 CPU tensors.
 *
 * @param lastLogits (rows, vocab): the logits after each row's last new token
 * @param allLogits (totalTokens, vocab): every packed position, or null unless requested
 * @param offsets row i's tokens are packed rows {@code offsets[i] .. offsets[i+1]-1}
 */
public record ForwardResult(Tensor lastLogits, Tensor allLogits, int[] offsets) {

  /** (rowTokens, vocab): all positions of row {@code i}; requires allLogits. */
  public Tensor rowLogits(int i) {
    if (allLogits == null) {
      throw new IllegalStateException("forward was run without allPositions");
    }
    return allLogits.narrow(0, offsets[i], offsets[i + 1] - offsets[i]);
  }
}
