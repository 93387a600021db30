package org.orgllm.inference.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.orgllm.inference.model.DecoderModel;
import org.orgllm.inference.model.ModelLoader;
import org.orgllm.inference.registry.AdapterCache;
import org.orgllm.inference.registry.AdapterKey;
import org.orgllm.inference.registry.AdapterRegistry;
import org.orgllm.inference.registry.ModelStore;
import org.orgllm.inference.tokenizer.Tokenizer;
import org.orgllm.inference.torch.TorchRuntime;

/**
 * ONE base model serving every organization: each request names an organization, whose active
 * LoRA adapter is applied to its rows only, and requests of different organizations share forward
 * steps (continuous batching on a single inference thread that owns the model). See the package
 * documentation for the API in use.
 */
public final class InferenceEngine implements AutoCloseable {

  private static final Duration MIN_RETRY = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY = Duration.ofMinutes(5);

  private final EngineConfig config;
  private final DecoderModel model;
  private final Tokenizer tokenizer;
  private final AdapterRegistry registry;
  private final MetricsRecorder metrics;
  private final Scheduler scheduler;
  private final Thread thread;
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean closed;

  private InferenceEngine(EngineConfig config) {
    this.config = config;
    TorchRuntime.init(config.torchThreads());
    ModelStore store = new ModelStore(config.modelsRoot());
    Path base = config.baseModelName() != null ? store.baseModel(config.baseModelName()) : config.baseModelPath();
    this.model = ModelLoader.load(base, config.loadOptions());
    try {
      this.tokenizer = Tokenizer.load(base);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
    this.metrics = new MetricsRecorder(config.metrics());
    AdapterCache cache = new AdapterCache(config.adapterCacheSize(), config.adapterCacheBytes(), metrics);
    this.registry = new AdapterRegistry(store, cache, model.config(), config.loadOptions().device(),
        base.getFileName().toString(), config.strictBaseName());
    this.scheduler = new Scheduler(model, registry, tokenIds -> tokenizer.decode(tokenIds, true), config, metrics);
    this.thread = Thread.ofPlatform().name("orgllm-inference").daemon().unstarted(scheduler);
    thread.start();
  }

  /** Loads the base model and its tokenizer and starts the inference thread. */
  public static InferenceEngine open(EngineConfig config) {
    return new InferenceEngine(config);
  }

  /**
   * Queues a request and returns at once.
   *
   * @throws org.orgllm.inference.registry.InvalidOrganizationException for a malformed organization id
   * @throws org.orgllm.inference.registry.NoAdapterException when the organization has no adapter
   * @throws ContextLengthExceededException when prompt + max new tokens exceed the context or KV budget
   * @throws OverloadedException when the queue is full (with a suggested retry-after)
   * @throws EngineClosedException after {@link #close()}
   * @throws IllegalArgumentException for a token id outside the vocabulary
   */
  public GenerationHandle submit(GenerationRequest request) {
    if (closed) {
      throw new EngineClosedException();
    }
    int[] prompt = request.promptIds();
    int vocab = model.config().vocabSize();
    for (int id : prompt) {
      if (id < 0 || id >= vocab) {
        throw new IllegalArgumentException("prompt token id " + id + " outside the vocabulary of " + vocab);
      }
    }
    int needed = prompt.length + request.sampling().maxNewTokens();
    int context = model.config().maxPositionEmbeddings();
    if (needed > context) {
      throw new ContextLengthExceededException(needed, context, "the model's context");
    }
    if (needed > config.kvBudgetTokens()) {
      throw new ContextLengthExceededException(needed, config.kvBudgetTokens(), "the engine's KV-cache budget");
    }
    // Resolve the version now: requests submitted before an activation keep the old one.
    AdapterKey key = request.organization() == null ? null : registry.activeVersion(request.organization());
    GenerationHandle handle = new GenerationHandle(ids.incrementAndGet());
    Sequence sequence = new Sequence(request, handle, key, System.nanoTime());
    if (!scheduler.offer(sequence)) {
      Duration retry = retryAfter();
      metrics.rejected(retry);
      throw new OverloadedException(config.queueCapacity(), retry);
    }
    return handle;
  }

  /** A full queue drains in about (queued / batch rows) waves of the mean request latency. */
  private Duration retryAfter() {
    Duration mean = metrics.meanEndToEnd(MIN_RETRY);
    long waves = Math.max(1, (scheduler.queueDepth() + config.maxBatchRows() - 1) / config.maxBatchRows());
    Duration estimate = mean.multipliedBy(waves);
    return estimate.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : estimate.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : estimate;
  }

  /** The base model's tokenizer (encode prompts with it; thread-safe). */
  public Tokenizer tokenizer() {
    return tokenizer;
  }

  /**
   * The base model, for its {@code config()} and {@code generationConfig()}. Do not call {@code
   * forward} on it: the inference thread owns it.
   */
  public DecoderModel model() {
    return model;
  }

  /** Organizations, versions, activation and eviction of adapters. */
  public AdapterRegistry registry() {
    return registry;
  }

  /** A snapshot of queue, batch, KV and per-adapter totals. */
  public EngineMetrics metrics() {
    return metrics.snapshot(scheduler.queueDepth(), scheduler.runningCount(), scheduler.kvReserved(),
        scheduler.kvCachesOpen(), registry.cacheStats());
  }

  /**
   * Stops accepting requests, fails those still queued or running with {@link
   * EngineClosedException}, waits for the inference thread, then frees adapters, model and tokenizer.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    scheduler.stop();
    try {
      thread.join(TimeUnit.MINUTES.toMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.failQueued(new EngineClosedException());
    if (!thread.isAlive()) {
      // Only once no forward can run: the weights are unmapped.
      registry.cache().clear();
      model.close();
      tokenizer.close();
    }
  }
}
