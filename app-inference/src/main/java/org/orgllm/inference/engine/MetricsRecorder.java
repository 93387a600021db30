package org.orgllm.inference.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.orgllm.inference.registry.AdapterCache;
import org.orgllm.inference.registry.AdapterCacheStats;
import org.orgllm.inference.registry.AdapterKey;

/** Aggregates the engine's events for {@link EngineMetrics} and forwards them to the application's listener. */
final class MetricsRecorder implements AdapterCache.Listener {

  /** Mutable totals of one label. */
  private static final class Totals {
    long requests;
    long failures;
    long tokens;
    long ttftNanos;
    long ttftCount;
    long gapNanos;
    long gapCount;
    long e2eNanos;
    long hits;
    long misses;
    long evictions;

    AdapterMetrics snapshot() {
      return new AdapterMetrics(requests, failures, tokens, mean(ttftNanos, ttftCount), mean(gapNanos, gapCount),
          mean(e2eNanos, requests), hits, misses, evictions);
    }

    private static Duration mean(long nanos, long count) {
      return count == 0 ? Duration.ZERO : Duration.ofNanos(nanos / count);
    }
  }

  private final MetricsListener listener;
  private final Map<String, Totals> byLabel = new HashMap<>();
  private long steps;
  private long rejected;
  private long tokens;
  private long e2eNanos;
  private long ended;

  MetricsRecorder(MetricsListener listener) {
    this.listener = listener;
  }

  synchronized void step(int queueDepth, int rows, int tokensInBatch, long nanos) {
    steps++;
    safely(() -> listener.step(queueDepth, rows, tokensInBatch, Duration.ofNanos(nanos)));
  }

  synchronized void firstToken(String label, long nanos) {
    Totals t = totals(label);
    t.ttftNanos += nanos;
    t.ttftCount++;
    t.tokens++;
    tokens++;
    safely(() -> listener.firstToken(label, Duration.ofNanos(nanos)));
  }

  synchronized void interToken(String label, long nanos) {
    Totals t = totals(label);
    t.gapNanos += nanos;
    t.gapCount++;
    t.tokens++;
    tokens++;
    safely(() -> listener.interToken(label, Duration.ofNanos(nanos)));
  }

  synchronized void finished(String label, GenerationResult result) {
    ended(label, result.timings().total().toNanos(), false);
    safely(() -> listener.finished(label, result));
  }

  synchronized void failed(String label, long totalNanos, Throwable error) {
    ended(label, totalNanos, true);
    safely(() -> listener.failed(label, error));
  }

  synchronized void rejected(Duration retryAfter) {
    rejected++;
    safely(() -> listener.rejected(retryAfter));
  }

  /** Mean end-to-end latency over all requests so far, or {@code fallback} before the first. */
  synchronized Duration meanEndToEnd(Duration fallback) {
    return ended == 0 ? fallback : Duration.ofNanos(e2eNanos / ended);
  }

  @Override
  public synchronized void hit(AdapterKey key) {
    totals(key.toString()).hits++;
    safely(() -> listener.adapterCacheHit(key.toString()));
  }

  @Override
  public synchronized void miss(AdapterKey key) {
    totals(key.toString()).misses++;
    safely(() -> listener.adapterCacheMiss(key.toString()));
  }

  @Override
  public synchronized void evicted(AdapterKey key, long bytes) {
    totals(key.toString()).evictions++;
    safely(() -> listener.adapterCacheEviction(key.toString()));
  }

  synchronized EngineMetrics snapshot(int queueDepth, int running, long kvReserved, int kvOpen, AdapterCacheStats cache) {
    Map<String, AdapterMetrics> per = new TreeMap<>();
    byLabel.forEach((k, v) -> per.put(k, v.snapshot()));
    return new EngineMetrics(queueDepth, running, kvReserved, kvOpen, steps, rejected, tokens, Collections.unmodifiableMap(per), cache);
  }

  private void ended(String label, long totalNanos, boolean failure) {
    Totals t = totals(label);
    t.requests++;
    t.e2eNanos += totalNanos;
    if (failure) {
      t.failures++;
    }
    e2eNanos += totalNanos;
    ended++;
  }

  private Totals totals(String label) {
    return byLabel.computeIfAbsent(label, k -> new Totals());
  }

  /** An application listener must never break the scheduler. */
  private static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException ignored) {
      // Metrics are best effort; the request must not fail because an exporter did.
    }
  }
}
