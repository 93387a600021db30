package org.orgllm.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orgllm.inference.engine.EngineTestSupport.WAIT;
import static org.orgllm.inference.engine.EngineTestSupport.greedy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgllm.inference.engine.EngineTestSupport.Gate;
import org.orgllm.inference.engine.EngineTestSupport.MaxBatch;
import org.orgllm.inference.registry.InvalidOrganizationException;
import org.orgllm.inference.registry.ModelsTree;
import org.orgllm.inference.registry.NoAdapterException;
import org.orgllm.inference.sampling.FinishReason;
import org.orgllm.inference.sampling.TokenHistory;

/** Cancellation, back-pressure, deadlines, limits and constraints. */
class EngineLifecycleTest {

  @TempDir Path dir;
  private InferenceEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  /** Counts down once the request has produced {@code tokens} tokens (called on the inference thread). */
  private static TokenConstraint after(int tokens, CountDownLatch latch) {
    return new TokenConstraint() {
      private int seen;

      @Override
      public void process(float[] logits, TokenHistory history) {}

      @Override
      public void accept(int token) {
        if (++seen == tokens) {
          latch.countDown();
        }
      }

      @Override
      public boolean isComplete() {
        return false;
      }
    };
  }

  @Test
  void cancellationFreesTheSlotAndTheKvCache() throws Exception {
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> b.maxBatchRows(1));
    CountDownLatch running = new CountDownLatch(1);
    GenerationHandle longOne = engine.submit(greedy("acme", new int[] {1, 2, 3}, 400)
        .constraint(() -> after(3, running)).build());
    assertThat(running.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    GenerationHandle waiting = engine.submit(greedy(null, new int[] {4, 5}, 5).build());
    assertThat(engine.metrics().runningRows()).isEqualTo(1);
    assertThat(engine.metrics().kvCachesOpen()).isEqualTo(1);

    longOne.cancel();
    GenerationResult cancelled = longOne.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(cancelled.finishReason()).isEqualTo(FinishReason.CANCELLED);
    assertThat(cancelled.usage().completionTokens()).isBetween(3, 399);
    // The single row is free again: the waiting request runs to its end.
    assertThat(waiting.result().get(WAIT.toSeconds(), TimeUnit.SECONDS).finishReason()).isEqualTo(FinishReason.LENGTH);
    EngineMetrics m = engine.metrics();
    assertThat(m.runningRows()).isZero();
    assertThat(m.kvCachesOpen()).isZero();
    assertThat(m.kvTokensReserved()).isZero();
  }

  @Test
  void aClientThatGoesAwayIsCancelled() throws Exception {
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> {});
    GenerationHandle h = engine.submit(greedy("beta", new int[] {1, 2, 3}, 400)
        .listener(delta -> {
          throw new IllegalStateException("connection reset");
        }).build());
    GenerationResult r = h.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(r.finishReason()).isEqualTo(FinishReason.CANCELLED);
    assertThat(r.usage().completionTokens()).isLessThan(400);
  }

  @Test
  void cancellingTheFutureCancelsTheRequest() throws Exception {
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> b.maxBatchRows(1));
    CountDownLatch running = new CountDownLatch(1);
    GenerationHandle h = engine.submit(greedy(null, new int[] {1, 2, 3}, 400).constraint(() -> after(2, running)).build());
    assertThat(running.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    h.result().cancel(true);
    GenerationHandle next = engine.submit(greedy(null, new int[] {7}, 3).build());
    assertThat(next.result().get(WAIT.toSeconds(), TimeUnit.SECONDS).usage().completionTokens()).isEqualTo(3);
    assertThat(engine.metrics().kvCachesOpen()).isZero();
  }

  @Test
  void aFullQueueRejectsAtOnceWithARetryAfter() throws Exception {
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> b.queueCapacity(2).maxBatchRows(1));
    Gate gate = new Gate();
    GenerationHandle held = engine.submit(greedy(null, new int[] {1, 2, 3}, 2).constraint(() -> gate).build());
    gate.awaitEntered();
    List<GenerationHandle> queued = new ArrayList<>();
    queued.add(engine.submit(greedy("acme", new int[] {1}, 2).build()));
    queued.add(engine.submit(greedy("beta", new int[] {2}, 2).build()));
    long start = System.nanoTime();
    assertThatThrownBy(() -> engine.submit(greedy(null, new int[] {3}, 2).build()))
        .isInstanceOfSatisfying(OverloadedException.class,
            e -> assertThat(e.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(engine.metrics().queueDepth()).isEqualTo(2);
    assertThat(engine.metrics().rejected()).isEqualTo(1);
    gate.open();
    held.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    for (GenerationHandle h : queued) {
      assertThat(h.result().get(WAIT.toSeconds(), TimeUnit.SECONDS).usage().completionTokens()).isEqualTo(2);
    }
  }

  @Test
  void aRunningRequestPastItsDeadlineEndsWithItsPartialResult() throws Exception {
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> {});
    CountDownLatch started = new CountDownLatch(1);
    // Each token takes at least 5 ms, so 1000 tokens cannot finish within 300 ms.
    TokenConstraint slow = new TokenConstraint() {
      @Override
      public void process(float[] logits, TokenHistory history) {
        started.countDown();
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void accept(int token) {}

      @Override
      public boolean isComplete() {
        return false;
      }
    };
    GenerationHandle h = engine.submit(greedy("acme", new int[] {1, 2, 3}, 450).constraint(() -> slow)
        .deadline(Duration.ofMillis(300)).build());
    assertThatThrownBy(() -> h.result().get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
          assertThat(e.partial().usage().completionTokens()).isBetween(1, 449);
          assertThat(e.partial().timings().total()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
          assertThat(e.partial().adapterLabel()).isEqualTo("acme@v0");
        });
    assertThat(started.getCount()).isZero();
    assertThat(engine.metrics().kvCachesOpen()).isZero();
    assertThat(engine.metrics().perAdapter().get("acme@v0").failures()).isEqualTo(1);
  }

  @Test
  void aQueuedRequestPastItsDeadlineNeverRuns() throws Exception {
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> b.maxBatchRows(1));
    Gate gate = new Gate();
    GenerationHandle held = engine.submit(greedy(null, new int[] {1, 2, 3}, 2).constraint(() -> gate).build());
    gate.awaitEntered();
    GenerationHandle late = engine.submit(greedy("beta", new int[] {1}, 5).deadline(Duration.ofMillis(20)).build());
    long waitUntil = System.nanoTime() + Duration.ofMillis(40).toNanos();
    while (System.nanoTime() < waitUntil) {
      Thread.onSpinWait(); // the deadline must pass while the request waits: that is the point of this test
    }
    gate.open();
    assertThatThrownBy(() -> late.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).cause()
        .isInstanceOfSatisfying(DeadlineExceededException.class,
            e -> assertThat(e.partial().usage().completionTokens()).isZero());
    held.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void promptsLongerThanTheContextOrBudgetAreRefusedAtSubmit() {
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> b.kvBudgetTokens(300));
    int[] prompt = new int[500];
    assertThatThrownBy(() -> engine.submit(greedy(null, prompt, 13).build()))
        .isInstanceOfSatisfying(ContextLengthExceededException.class, e -> {
          assertThat(e.requested()).isEqualTo(513);
          assertThat(e.limit()).isEqualTo(512);
        }).hasMessageContaining("context");
    assertThatThrownBy(() -> engine.submit(greedy(null, new int[200], 101).build()))
        .isInstanceOf(ContextLengthExceededException.class).hasMessageContaining("KV-cache budget");
    assertThatThrownBy(() -> engine.submit(greedy(null, new int[] {300}, 1).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vocabulary");
  }

  @Test
  void theKvBudgetLimitsHowManyRowsRunAtOnce() throws Exception {
    MaxBatch batches = new MaxBatch();
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> b.kvBudgetTokens(70).metrics(batches));
    Gate gate = new Gate();
    // Reserves 41 tokens: no 34-token request fits beside it, so it runs alone while it lasts.
    GenerationHandle held = engine.submit(greedy(null, new int[] {9}, 40).constraint(() -> gate).build());
    gate.awaitEntered();
    List<GenerationHandle> handles = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      handles.add(engine.submit(greedy(i % 2 == 0 ? "acme" : null, new int[] {1, 2, 3, 4}, 30).build())); // 34 each
    }
    gate.open();
    for (GenerationHandle h : handles) {
      assertThat(h.result().get(WAIT.toSeconds(), TimeUnit.SECONDS).usage().completionTokens()).isEqualTo(30);
    }
    held.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(batches.maxRows.get()).as("70 tokens of budget fit two requests of 34").isEqualTo(2);
    assertThat(engine.metrics().kvTokensReserved()).isZero();
  }

  @Test
  void unknownAndInvalidOrganizationsFailAtSubmit() {
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> {});
    assertThatThrownBy(() -> engine.submit(greedy("nobody", new int[] {1}, 1).build()))
        .isInstanceOf(NoAdapterException.class).hasMessageStartingWith("no model for organization nobody");
    for (String evil : List.of("../org-acme", "acme/../../etc", "/etc/passwd", "..")) {
      assertThatThrownBy(() -> engine.submit(greedy(evil, new int[] {1}, 1).build()))
          .isInstanceOf(InvalidOrganizationException.class);
    }
  }

  @Test
  void aCompleteConstraintEndsTheRowWithStop() throws Exception {
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> {});
    int[] forced = {72, 105, 33};
    TokenConstraint exact = new TokenConstraint() {
      private int next;

      @Override
      public void process(float[] logits, TokenHistory history) {
        for (int i = 0; i < logits.length; i++) {
          if (i != forced[next]) {
            logits[i] = Float.NEGATIVE_INFINITY;
          }
        }
      }

      @Override
      public void accept(int token) {
        assertThat(token).isEqualTo(forced[next]);
        next++;
      }

      @Override
      public boolean isComplete() {
        return next == forced.length;
      }
    };
    GenerationResult r = engine.submit(GenerationRequest.builder().organization("acme").promptIds(1, 2)
        .constraint(() -> exact).build()).result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(r.tokenIds()).containsExactly(forced);
    assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(r.text()).isEqualTo("Hi!");
  }

  @Test
  void closingFailsWhatIsLeftAndRefusesNewRequests() throws Exception {
    engine = EngineTestSupport.open(ModelsTree.create(dir), b -> b.maxBatchRows(1));
    CountDownLatch running = new CountDownLatch(1);
    GenerationHandle h = engine.submit(greedy(null, new int[] {1}, 450).constraint(() -> after(1, running)).build());
    GenerationHandle queued = engine.submit(greedy(null, new int[] {2}, 5).build());
    assertThat(running.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    engine.close();
    assertThatThrownBy(() -> h.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).cause()
        .isInstanceOf(EngineClosedException.class);
    assertThatThrownBy(() -> queued.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).cause()
        .isInstanceOf(EngineClosedException.class);
    assertThatThrownBy(() -> engine.submit(greedy(null, new int[] {1}, 1).build()))
        .isInstanceOf(EngineClosedException.class);
  }
}
