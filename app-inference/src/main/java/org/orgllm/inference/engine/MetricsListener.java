package org.orgllm.inference.engine;

import java.time.Duration;

/**
 * Metric events for the application to export (e.g. to MicroProfile Metrics), labelled by adapter:
 * {@code org@vN} or {@code base}. Every method has an empty default; implement what you export.
 * Called on the inference thread (cache events also on admin threads): keep them quick. Exceptions
 * thrown here are ignored. {@link InferenceEngine#metrics()} gives the aggregated snapshot instead.
 */
public interface MetricsListener {

  /** One forward step ran. */
  default void step(int queueDepth, int batchRows, int batchTokens, Duration stepTime) {}

  /** A request produced its first token {@code ttft} after submit. */
  default void firstToken(String adapter, Duration ttft) {}

  /** A request produced another token, {@code gap} after its previous one. */
  default void interToken(String adapter, Duration gap) {}

  /** A request ended normally (STOP, LENGTH or CANCELLED). */
  default void finished(String adapter, GenerationResult result) {}

  /** A request failed (deadline, adapter error, engine error). */
  default void failed(String adapter, Throwable error) {}

  /** {@code submit} refused a request because the queue was full. */
  default void rejected(Duration retryAfter) {}

  /** The adapter cache served {@code adapter} from memory. */
  default void adapterCacheHit(String adapter) {}

  /** The adapter cache loaded {@code adapter} from disk. */
  default void adapterCacheMiss(String adapter) {}

  /** {@code adapter} left the cache. */
  default void adapterCacheEviction(String adapter) {}
}
