package org.orgllm.inference.model;

import org.orgllm.inference.lora.LoraAdapter;

/**
 * One sequence's part of a batched forward pass.
 *
 * @param cache the sequence's cache; its length gives the positions of the new tokens
 * @param tokens the new token ids: a whole prompt (chunk) for prefill, one token for decode
 * @param adapter the LoRA adapter of this sequence, or null for the base model
 */
public record Row(KvCache cache, int[] tokens, LoraAdapter adapter) {

  public Row {
    if (tokens.length == 0) {
      throw new IllegalArgumentException("a row needs at least one new token");
    }
  }

  /** A row without adapter. */
  public static Row of(KvCache cache, int... tokens) {
    return new Row(cache, tokens, null);
  }
}
