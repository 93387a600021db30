package org.orgllm.inference.engine;

import java.time.Duration;

/** The request queue is full: {@code submit} fails at once instead of waiting or growing memory. */
public final class OverloadedException extends EngineException {

  private final Duration retryAfter;

  /**
   * @param queueCapacity the bound that was hit
   * @param retryAfter when trying again is likely to succeed
   */
  public OverloadedException(int queueCapacity, Duration retryAfter) {
    super("overloaded: " + queueCapacity + " requests already waiting; retry after " + retryAfter.toMillis() + " ms");
    this.retryAfter = retryAfter;
  }

  /** A suggested delay before retrying (for a {@code Retry-After} header). */
  public Duration retryAfter() {
    return retryAfter;
  }
}
