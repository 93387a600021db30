package org.orgllm.inference.engine;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.orgllm.inference.model.KvCache;
import org.orgllm.inference.model.Row;
import org.orgllm.inference.registry.AdapterKey;
import org.orgllm.inference.registry.AdapterLease;
import org.orgllm.inference.sampling.Detokenizer;
import org.orgllm.inference.sampling.FinishReason;
import org.orgllm.inference.sampling.GenerationStream;
import org.orgllm.inference.sampling.Sampler;
import org.orgllm.inference.sampling.TokenHistory;

/**
 * One request's state inside the scheduler: prompt progress, KV cache, adapter lease, sampler and
 * stream. Touched only by the inference thread (the handle is the thread-safe part).
 */
final class Sequence {

  final GenerationRequest request;
  final GenerationHandle handle;
  final AdapterKey adapterKey; // null: base model
  final String label;
  final int[] prompt;
  final int kvReserve;
  final long submitted;
  final long deadline; // System.nanoTime() value, Long.MAX_VALUE for none

  private AdapterLease lease;
  private KvCache cache;
  private int prefilled;
  private Sampler sampler;
  private TokenHistory history;
  private GenerationStream stream;
  private TokenConstraint constraint;
  private int[] generated = new int[16];
  private int generatedCount;
  private long admitted;
  private long firstToken;
  private long lastToken;

  Sequence(GenerationRequest request, GenerationHandle handle, AdapterKey adapterKey, long submitted) {
    this.request = request;
    this.handle = handle;
    this.adapterKey = adapterKey;
    this.label = adapterKey == null ? "base" : adapterKey.toString();
    this.prompt = request.promptIds();
    this.kvReserve = prompt.length + request.sampling().maxNewTokens();
    this.submitted = submitted;
    this.deadline = request.deadline() == null ? Long.MAX_VALUE : satAdd(submitted, request.deadline().toNanos());
  }

  private static long satAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  /** Takes the adapter lease and a fresh KV cache; builds the per-request sampling state. */
  void admit(AdapterLease adapterLease, KvCache kvCache, List<Integer> eosIds, Detokenizer detokenizer, long now) {
    this.lease = adapterLease;
    this.cache = kvCache;
    this.admitted = now;
    this.constraint = request.constraint() == null ? null : request.constraint().get();
    this.sampler = constraint == null ? new Sampler(request.sampling()) : new Sampler(request.sampling(), List.of(constraint));
    this.history = TokenHistory.ofPrompt(prompt);
    this.stream = new GenerationStream(request.sampling(), eosIds, detokenizer);
  }

  boolean admitted() {
    return cache != null;
  }

  boolean prefilling() {
    return prefilled < prompt.length;
  }

  boolean expired(long now) {
    return now - deadline >= 0 && deadline != Long.MAX_VALUE;
  }

  /** The next row: a prompt chunk of at most {@code budget} tokens, or the last sampled token. */
  Row nextRow(int budget) {
    int[] tokens;
    if (prefilling()) {
      int n = Math.min(budget, prompt.length - prefilled);
      tokens = Arrays.copyOfRange(prompt, prefilled, prefilled + n);
    } else {
      tokens = new int[] {generated[generatedCount - 1]};
    }
    return new Row(cache, tokens, lease == null ? null : lease.adapter());
  }

  /** Records that the row built by {@link #nextRow} ran; true when its logits must be sampled. */
  boolean advance(Row row) {
    if (prefilling()) {
      prefilled += row.tokens().length;
      return !prefilling();
    }
    return true;
  }

  /**
   * Samples the next token from this row's logits and feeds the stream.
   *
   * @return the stream's delta (finished when the sequence ended)
   */
  GenerationStream.Delta sample(float[] logits, long now) {
    int token = sampler.sample(logits, history);
    history.append(token);
    if (generatedCount == generated.length) {
      generated = Arrays.copyOf(generated, generated.length * 2);
    }
    generated[generatedCount++] = token;
    if (firstToken == 0) {
      firstToken = now;
    }
    lastToken = now;
    if (constraint != null) {
      constraint.accept(token);
    }
    GenerationStream.Delta delta = stream.accept(token);
    if (!delta.finished() && constraint != null && constraint.isComplete()) {
      GenerationStream.Delta end = stream.finish(FinishReason.STOP);
      delta = new GenerationStream.Delta(delta.text() + end.text(), FinishReason.STOP);
    }
    return delta;
  }

  /** Ends the stream early; returns the held-back text it releases. */
  GenerationStream.Delta finish(FinishReason reason) {
    return stream == null ? new GenerationStream.Delta("", reason) : stream.finish(reason);
  }

  int generatedCount() {
    return generatedCount;
  }

  long lastTokenNanos() {
    return lastToken;
  }

  /** The result as of now. */
  GenerationResult result(FinishReason reason, long now) {
    long queue = (admitted == 0 ? now : admitted) - submitted;
    long ttft = firstToken == 0 ? 0 : firstToken - submitted;
    long itl = generatedCount < 2 ? 0 : (lastToken - firstToken) / (generatedCount - 1);
    Timings timings = new Timings(Duration.ofNanos(queue), Duration.ofNanos(ttft),
        Duration.ofNanos(itl), Duration.ofNanos(now - submitted));
    String text = stream == null ? "" : stream.text();
    return new GenerationResult(text, Arrays.copyOf(generated, generatedCount), reason,
        new Usage(prompt.length, generatedCount), timings, adapterKey);
  }

  /** Frees the KV cache and lets go of the adapter; idempotent. */
  void release() {
    if (cache != null) {
      cache.close();
    }
    if (lease != null) {
      lease.close();
    }
  }
}
