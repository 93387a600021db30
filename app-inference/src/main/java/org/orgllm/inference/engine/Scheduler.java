package org.orgllm.inference.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.orgllm.inference.model.DecoderModel;
import org.orgllm.inference.model.ForwardResult;
import org.orgllm.inference.model.KvCache;
import org.orgllm.inference.model.Row;
import org.orgllm.inference.registry.AdapterLease;
import org.orgllm.inference.registry.AdapterRegistry;
import org.orgllm.inference.sampling.Detokenizer;
import org.orgllm.inference.sampling.FinishReason;
import org.orgllm.inference.sampling.GenerationStream;
import org.orgllm.inference.torch.Tensors;

/**
 * The inference thread's loop: continuous batching over one model. Each step drops cancelled and
 * expired sequences, admits waiting ones while rows and KV budget allow, then runs ONE forward with
 * a decode token for every running sequence plus at most {@code prefillChunkTokens} prompt tokens of
 * sequences still prefilling, and samples each row that reached the end of its prompt. Sequences
 * join and leave only between steps, so every row sees a consistent cache.
 */
final class Scheduler implements Runnable {

  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final DecoderModel model;
  private final AdapterRegistry registry;
  private final Detokenizer detokenizer;
  private final List<Integer> eosIds;
  private final EngineConfig config;
  private final MetricsRecorder metrics;
  private final ArrayBlockingQueue<Sequence> queue;
  private final List<Sequence> running = new ArrayList<>();
  private final AtomicInteger kvCachesOpen = new AtomicInteger();
  private volatile int runningCount;
  private volatile long kvReserved;
  private volatile boolean stopping;
  private volatile Thread thread;

  Scheduler(DecoderModel model, AdapterRegistry registry, Detokenizer detokenizer, EngineConfig config,
      MetricsRecorder metrics) {
    this.model = model;
    this.registry = registry;
    this.detokenizer = detokenizer;
    this.eosIds = model.generationConfig().eosTokenIds();
    this.config = config;
    this.metrics = metrics;
    this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
  }

  /** Queues a sequence; false when the queue is full. */
  boolean offer(Sequence s) {
    if (!queue.offer(s)) {
      return false;
    }
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
    return true;
  }

  int queueDepth() {
    return queue.size();
  }

  int runningCount() {
    return runningCount;
  }

  long kvReserved() {
    return kvReserved;
  }

  int kvCachesOpen() {
    return kvCachesOpen.get();
  }

  /** Asks the loop to end; it fails what is left with {@link EngineClosedException}. */
  void stop() {
    stopping = true;
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /** Fails every queued sequence (after the loop ended, for requests that raced with close). */
  void failQueued(Throwable error) {
    Sequence s;
    while ((s = queue.poll()) != null) {
      fail(s, error);
    }
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    try {
      warmUp();
      while (!stopping) {
        if (running.isEmpty() && queue.isEmpty()) {
          LockSupport.parkNanos(this, IDLE_PARK_NANOS);
          continue;
        }
        try {
          step();
        } catch (RuntimeException e) {
          // A bug or a libtorch failure outside forward: the rows of this step cannot be trusted.
          failRunning(new EngineException("inference step failed: " + e.getMessage(), e));
        }
      }
    } finally {
      EngineClosedException closed = new EngineClosedException();
      failRunning(closed);
      failQueued(closed);
    }
  }

  /**
   * Throwaway decode steps before serving, so the first requests do not run a cold JIT; requests
   * submitted meanwhile wait in the queue. A failure here is left to the first real step to report.
   */
  private void warmUp() {
    try {
      model.warmUp(config.warmUpSteps());
    } catch (RuntimeException e) {
      System.getLogger(Scheduler.class.getName()).log(System.Logger.Level.WARNING, "decode warm-up failed", e);
    }
  }

  private void step() {
    long now = System.nanoTime();
    dropFinished(now);
    admit(now);
    if (running.isEmpty()) {
      return;
    }
    List<Row> rows = new ArrayList<>(running.size());
    List<Sequence> owners = new ArrayList<>(running.size());
    int prefillBudget = config.prefillChunkTokens();
    // Decode rows of the same adapter side by side: the model then applies each adapter to one slice.
    running.stream().filter(s -> !s.prefilling()).sorted(Comparator.comparing(s -> s.label)).forEach(s -> {
      rows.add(s.nextRow(1));
      owners.add(s);
    });
    for (Sequence s : running) {
      if (s.prefilling() && prefillBudget > 0) {
        Row row = s.nextRow(prefillBudget);
        prefillBudget -= row.tokens().length;
        rows.add(row);
        owners.add(s);
      }
    }
    int batchTokens = rows.stream().mapToInt(r -> r.tokens().length).sum();
    long start = System.nanoTime();
    float[] logits;
    try {
      ForwardResult result = model.forward(rows);
      logits = Tensors.toFloats(result.lastLogits());
      result.lastLogits().close();
    } catch (RuntimeException e) {
      EngineException error = new EngineException("forward step failed: " + e.getMessage(), e);
      for (Sequence s : owners) {
        running.remove(s);
        fail(s, error);
      }
      updateCounts();
      return;
    }
    long done = System.nanoTime();
    int vocab = logits.length / rows.size();
    for (int i = 0; i < rows.size(); i++) {
      Sequence s = owners.get(i);
      if (s.advance(rows.get(i))) {
        sampleRow(s, Arrays.copyOfRange(logits, i * vocab, (i + 1) * vocab), done);
      }
    }
    updateCounts();
    metrics.step(queue.size(), rows.size(), batchTokens, done - start);
  }

  private void sampleRow(Sequence s, float[] logits, long now) {
    long previous = s.lastTokenNanos();
    GenerationStream.Delta delta;
    try {
      delta = s.sample(logits, now);
    } catch (RuntimeException e) {
      running.remove(s);
      fail(s, new EngineException("sampling failed: " + e.getMessage(), e));
      return;
    }
    if (s.generatedCount() == 1) {
      metrics.firstToken(s.label, now - s.submitted);
    } else {
      metrics.interToken(s.label, now - previous);
    }
    emit(s, delta.text());
    if (delta.finished()) {
      running.remove(s);
      complete(s, delta.finishReason(), now);
    }
  }

  /** Removes cancelled and expired sequences, running or waiting. */
  private void dropFinished(long now) {
    for (Iterator<Sequence> it = running.iterator(); it.hasNext(); ) {
      Sequence s = it.next();
      if (s.handle.isCancelled()) {
        it.remove();
        cancel(s, now);
      } else if (s.expired(now)) {
        it.remove();
        expire(s, now);
      }
    }
    for (Sequence s : queue) {
      if ((s.handle.isCancelled() || s.expired(now)) && queue.remove(s)) {
        if (s.handle.isCancelled()) {
          cancel(s, now);
        } else {
          expire(s, now);
        }
      }
    }
    updateCounts();
  }

  /** Moves waiting sequences into the batch, in order, while rows and the KV budget allow. */
  private void admit(long now) {
    while (running.size() < config.maxBatchRows()) {
      Sequence s = queue.peek();
      if (s == null || kvReserved + s.kvReserve > config.kvBudgetTokens()) {
        return;
      }
      queue.poll();
      AdapterLease lease = null;
      try {
        lease = s.adapterKey == null ? null : registry.acquire(s.adapterKey);
        KvCache cache = KvCache.of(model);
        kvCachesOpen.incrementAndGet();
        kvReserved += s.kvReserve;
        s.admit(lease, cache, eosIds, detokenizer, now);
      } catch (RuntimeException e) {
        if (lease != null) {
          lease.close();
        }
        fail(s, e);
        continue;
      }
      running.add(s);
    }
  }

  private void cancel(Sequence s, long now) {
    emit(s, s.finish(FinishReason.CANCELLED).text());
    complete(s, FinishReason.CANCELLED, now);
  }

  private void expire(Sequence s, long now) {
    emit(s, s.finish(FinishReason.CANCELLED).text());
    fail(s, new DeadlineExceededException(s.result(FinishReason.CANCELLED, now)));
  }

  /** Sends a delta to the listener and subscribers; a throwing listener means its client went away. */
  private void emit(Sequence s, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (s.request.listener() != null) {
      try {
        s.request.listener().accept(text);
      } catch (RuntimeException e) {
        s.handle.cancel();
      }
    }
    s.handle.publisher().publish(text);
  }

  private void complete(Sequence s, FinishReason reason, long now) {
    GenerationResult result = s.result(reason, now);
    release(s);
    // Metrics first: whoever waits on the future then sees them already counted.
    metrics.finished(s.label, result);
    s.handle.publisher().complete();
    s.handle.result().complete(result);
  }

  private void fail(Sequence s, Throwable error) {
    release(s);
    metrics.failed(s.label, System.nanoTime() - s.submitted, error);
    s.handle.publisher().fail(error);
    s.handle.result().completeExceptionally(error);
  }

  /** Frees the sequence's resources and publishes the counts before its future completes. */
  private void release(Sequence s) {
    if (s.admitted()) {
      kvReserved -= s.kvReserve;
      kvCachesOpen.decrementAndGet();
    }
    s.release();
    updateCounts();
  }

  private void failRunning(Throwable error) {
    List<Sequence> all = new ArrayList<>(running);
    running.clear();
    all.forEach(s -> fail(s, error));
    updateCounts();
  }

  private void updateCounts() {
    runningCount = running.size();
  }
}
