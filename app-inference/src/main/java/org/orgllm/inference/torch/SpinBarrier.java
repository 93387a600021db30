package org.orgllm.inference.torch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reusable barrier for the few threads of one fused decode step, which meet twice per layer: a
 * thread that arrives spins (they all arrive within microseconds of each other when the work is
 * split evenly), then yields if the others were descheduled. {@link #abort} releases the waiting
 * threads with an exception when one thread fails, so a failure never hangs the step.
 *
 * <p>Memory effects: everything a thread wrote before {@link #await} is visible to every thread
 * after it returns (the last arrival's volatile write of the generation, read by the others).
 */
public final class SpinBarrier {

  private final int parties;
  private final AtomicInteger arrived = new AtomicInteger();
  private volatile int generation;
  private volatile boolean broken;

  /** A barrier for {@code parties} threads (1: {@link #await} returns at once). */
  public SpinBarrier(int parties) {
    if (parties < 1) {
      throw new IllegalArgumentException("parties must be >= 1");
    }
    this.parties = parties;
  }

  /** Threads that meet at this barrier. */
  public int parties() {
    return parties;
  }

  /**
   * Waits until all parties have arrived.
   *
   * @throws IllegalStateException when another party aborted
   */
  public void await() {
    if (parties == 1) {
      return;
    }
    int g = generation;
    if (arrived.incrementAndGet() == parties) {
      arrived.set(0);
      generation = g + 1;
      return;
    }
    long spins = 0;
    while (generation == g) {
      if (broken) {
        throw new IllegalStateException("another decode thread failed");
      }
      if (++spins < 200_000) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }

  /** Releases every waiting party with an exception; {@link #reset} before the next use. */
  public void abort() {
    broken = true;
  }

  /** Readies the barrier for a new round; call when no party is waiting. */
  public void reset() {
    broken = false;
    arrived.set(0);
  }
}
