package org.orgllm.inference.torch;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Loads libtorch once per JVM and configures its thread pool.
 *
 * <p>{@code Loader.load} takes seconds (it probes for CUDA), so servers call {@link #init(int)} at
 * startup rather than on the first request. The intra-op pool is process-global: run model steps on
 * one inference thread. Set {@code OPENBLAS_NUM_THREADS=1} in the environment; OpenBLAS reads it at
 * load time and timings were erratic without it.
 */
public final class TorchRuntime {

  private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

  private static volatile boolean loaded;
  private static int threads;

  private TorchRuntime() {}

  /** Loads libtorch with one intra-op thread per available core (idempotent). */
  public static void init() {
    init(Runtime.getRuntime().availableProcessors());
  }

  /**
   * Loads libtorch (once), sets the intra-op thread count and runs a tiny warm-up op so the first
   * real request does not pay for lazy initialisation.
   */
  public static synchronized void init(int intraOpThreads) {
    if (!loaded) {
      // JavaCPP otherwise reads /proc/self/statm at every native allocation to compare the process's
      // resident memory with a limit (3% of the samples of a batched decode step). Native memory here
      // is released deterministically by PointerScopes, and the count of tracked bytes still applies.
      if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
        System.setProperty(MAX_PHYSICAL_BYTES, "0");
      }
      Loader.load(torch.class);
      try (Tensor warm = torch.ones(2, 2)) {
        warm.matmul(warm).close();
      }
      loaded = true;
    }
    if (intraOpThreads > 0 && intraOpThreads != threads) {
      torch.set_num_threads(intraOpThreads);
      threads = intraOpThreads;
    }
  }

  /** Whether a CUDA device is usable (loads libtorch first). */
  public static boolean cudaAvailable() {
    init();
    return torch.cuda_is_available();
  }
}
