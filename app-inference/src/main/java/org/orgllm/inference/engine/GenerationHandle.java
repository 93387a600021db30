package org.orgllm.inference.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The caller's side of a submitted request: its text deltas as they are generated, the future of
 * its final result, and cancellation. Thread-safe.
 */
public final class GenerationHandle {

  private final long id;
  private final CompletableFuture<GenerationResult> result = new CompletableFuture<>();
  private final DeltaPublisher deltas = new DeltaPublisher();
  private final AtomicBoolean cancelled = new AtomicBoolean();

  GenerationHandle(long id) {
    this.id = id;
  }

  /** The engine-wide sequence number of this request (for logs). */
  public long id() {
    return id;
  }

  /**
   * The text deltas, replayed from the first one for each subscriber; completes when the request
   * ends, or signals the request's error. Deltas never split a character and never contain (part of)
   * a stop string.
   */
  public Flow.Publisher<String> deltas() {
    return deltas;
  }

  /**
   * Completes with the result (finish reason STOP, LENGTH or CANCELLED), or exceptionally with an
   * {@link EngineException} such as {@link DeadlineExceededException}, or an adapter error. Cancelling
   * this future cancels the request.
   */
  public CompletableFuture<GenerationResult> result() {
    return result;
  }

  /**
   * Asks the engine to stop this request; it leaves the batch at the next step, its KV cache is
   * freed and its result completes with finish reason CANCELLED. Idempotent; a finished request is
   * unaffected.
   */
  public void cancel() {
    cancelled.set(true);
  }

  /** Whether {@link #cancel()} was called or the result future was cancelled. */
  public boolean isCancelled() {
    return cancelled.get() || result.isCancelled();
  }

  DeltaPublisher publisher() {
    return deltas;
  }
}
