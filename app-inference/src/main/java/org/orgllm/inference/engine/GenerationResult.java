package org.orgllm.inference.engine;

import org.orgllm.inference.registry.AdapterKey;
import org.orgllm.inference.sampling.FinishReason;

/**
 * What one request produced.
 *
 * @param text the generated text (stop strings cut, special tokens skipped); the deltas concatenated
 * @param tokenIds generated ids, including a final stop id
 * @param finishReason STOP, LENGTH or CANCELLED
 * @param usage prompt and completion token counts
 * @param timings queue time, time to first token, inter-token latency, total
 * @param adapter organization and adapter version used, or null for the plain base model
 */
public record GenerationResult(
    String text, int[] tokenIds, FinishReason finishReason, Usage usage, Timings timings, AdapterKey adapter) {

  /** The metrics label of the adapter: {@code org@vN}, or {@code base}. */
  public String adapterLabel() {
    return adapter == null ? "base" : adapter.toString();
  }
}
