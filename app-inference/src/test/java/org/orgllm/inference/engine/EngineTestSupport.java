package org.orgllm.inference.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.orgllm.inference.registry.ModelsTree;
import org.orgllm.inference.sampling.SamplingParams;
import org.orgllm.inference.sampling.TokenHistory;

/** Shared helpers of the engine tests. */
final class EngineTestSupport {

  static final Duration WAIT = Duration.ofSeconds(60);

  private EngineTestSupport() {}

  /** An engine over {@code root} (from {@link ModelsTree#create}) with test-sized defaults. */
  static InferenceEngine open(Path root, Consumer<EngineConfig.Builder> tweak) {
    EngineConfig.Builder b = EngineConfig.builder().modelsRoot(root).baseModel(ModelsTree.BASE)
        .queueCapacity(64).maxBatchRows(16).kvBudgetTokens(8192).adapterCacheSize(8);
    tweak.accept(b);
    return InferenceEngine.open(b.build());
  }

  /** A greedy request of {@code n} tokens that ignores end-of-sequence (so lengths are known). */
  static GenerationRequest.Builder greedy(String org, int[] prompt, int n) {
    return GenerationRequest.builder().organization(org).promptIds(prompt)
        .sampling(SamplingParams.builder().temperature(0).maxNewTokens(n).ignoreEos(true).build());
  }

  /** Runs one request alone and waits for it. */
  static GenerationResult solo(InferenceEngine engine, GenerationRequest request) throws Exception {
    return engine.submit(request).result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * A constraint that allows every token but holds the inference thread at its first use until
   * {@link #open()}: while it holds, submitted requests pile up in the queue, so the next step
   * admits them all together. {@link #entered} counts down when the thread is held.
   */
  static final class Gate implements TokenConstraint {
    final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void process(float[] logits, TokenHistory history) {
      entered.countDown();
      try {
        if (!release.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException("gate never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void awaitEntered() throws InterruptedException {
      if (!entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("the inference thread never reached the gate");
      }
    }

    void open() {
      release.countDown();
    }

    @Override
    public void accept(int token) {}

    @Override
    public boolean isComplete() {
      return false;
    }
  }

  /** Records the largest batch the engine ran. */
  static final class MaxBatch implements MetricsListener {
    final AtomicInteger maxRows = new AtomicInteger();

    @Override
    public void step(int queueDepth, int batchRows, int batchTokens, Duration stepTime) {
      maxRows.accumulateAndGet(batchRows, Math::max);
    }
  }
}
