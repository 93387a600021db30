package org.orgllm.inference.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SpinBarrierTest {

  @Test
  void threadsSeeEachOthersWritesAfterEveryMeeting() throws Exception {
    SpinBarrier barrier = new SpinBarrier(2);
    int rounds = 20_000;
    int[] a = new int[1];
    int[] b = new int[1];
    CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> {
      int mismatches = 0;
      for (int i = 1; i <= rounds; i++) {
        b[0] = i;
        barrier.await();
        mismatches += a[0] == i ? 0 : 1;
        barrier.await(); // nobody writes again before both have read
      }
      return mismatches;
    });
    int mismatches = 0;
    for (int i = 1; i <= rounds; i++) {
      a[0] = i;
      barrier.await();
      mismatches += b[0] == i ? 0 : 1;
      barrier.await();
    }
    assertThat(mismatches).isZero();
    assertThat(other.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void abortReleasesAWaitingThreadWithAnError() throws Exception {
    SpinBarrier barrier = new SpinBarrier(2);
    CompletableFuture<Void> waiting = CompletableFuture.runAsync(barrier::await);
    Thread.sleep(50);
    barrier.abort();
    assertThatThrownBy(() -> waiting.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    barrier.reset();
    CompletableFuture<Void> again = CompletableFuture.runAsync(barrier::await);
    barrier.await();
    again.get(30, TimeUnit.SECONDS);
  }

  @Test
  void aWorkerThatFailsReleasesTheCallerAndTheFailureReachesIt() {
    try (ParallelMatVec threads = new ParallelMatVec(2, 0)) {
      SpinBarrier barrier = new SpinBarrier(2);
      // As FusedDecode.run does: a failing thread aborts the barrier before it throws.
      assertThatThrownBy(() -> threads.runOnAll(t -> {
        try {
          if (t == 1) {
            throw new IllegalArgumentException("boom");
          }
          barrier.await(); // would wait forever for thread 1
        } catch (RuntimeException e) {
          barrier.abort();
          throw e;
        }
      })).hasRootCauseMessage("boom");
      // The threads serve the next step normally.
      barrier.reset();
      int[] seen = new int[2];
      threads.runOnAll(t -> {
        barrier.await();
        seen[t] = 1;
      });
      assertThat(seen).containsExactly(1, 1);
    }
  }

  @Test
  void oneParty() {
    new SpinBarrier(1).await();
    assertThatThrownBy(() -> new SpinBarrier(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
