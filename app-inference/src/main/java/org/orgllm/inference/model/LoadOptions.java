package org.orgllm.inference.model;

import org.orgllm.inference.torch.DeviceSpec;

/**
 * Options for {@link ModelLoader#load}.
 *
 * @param weightDtype how weights are held
 * @param device where the model runs
 * @param decodeThreads Java threads that share each CPU projection: a single row's {@code mv} (decode)
 *     and a GEMM of several rows (batched decode, prefill), split by output features. Run libtorch's
 *     own intra-op pool with one thread beside them ({@code TorchRuntime.init(1)}): its idle threads
 *     spin and slowed a two-thread decode 2x on the reference machine. Needs {@code
 *     OPENBLAS_NUM_THREADS=1}.
 */
public record LoadOptions(WeightDtype weightDtype, DeviceSpec device, int decodeThreads) {

  public LoadOptions {
    if (decodeThreads < 1) {
      throw new IllegalArgumentException("decodeThreads must be >= 1");
    }
  }

  /** Options with single-threaded decode projections. */
  public LoadOptions(WeightDtype weightDtype, DeviceSpec device) {
    this(weightDtype, device, 1);
  }

  /**
   * FP32 weights on the CPU, with decode threads = available cores (at most 8). On the 2-vCPU
   * reference machine two threads decoded the 0.5B-shaped model at 11.7-13.4 tokens/s against
   * 6.9-7.5 with one (same session, docs/performance.md).
   */
  public static LoadOptions defaults() {
    return new LoadOptions(WeightDtype.FP32, DeviceSpec.cpu(),
        Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
  }

  /** The same options with another weight dtype. */
  public LoadOptions withWeightDtype(WeightDtype dtype) {
    return new LoadOptions(dtype, device, decodeThreads);
  }

  /** The same options with another number of decode threads. */
  public LoadOptions withDecodeThreads(int threads) {
    return new LoadOptions(weightDtype, device, threads);
  }
}
