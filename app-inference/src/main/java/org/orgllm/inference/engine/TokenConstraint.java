package org.orgllm.inference.engine;

import org.orgllm.inference.sampling.LogitsProcessor;

/**
 * A stateful mask over the next token, e.g. a JSON-schema constrained decoder. As a {@link
 * LogitsProcessor} it runs first in the request's sampler and sets disallowed ids to {@code -inf};
 * the engine then reports every chosen token through {@link #accept(int)}. When {@link
 * #isComplete()} turns true the sequence ends with {@code STOP}. One instance per request, used only
 * by the inference thread.
 */
public interface TokenConstraint extends LogitsProcessor {

  /** Advances the constraint's state by the token the sampler chose. */
  void accept(int token);

  /** Whether the output is complete (e.g. the JSON value closed), so generation must stop. */
  boolean isComplete();
}
