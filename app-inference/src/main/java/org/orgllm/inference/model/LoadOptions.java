package org.orgllm.inference.model;

import org.orgllm.inference.torch.DeviceSpec;

/**
 * Options for {@link ModelLoader#load}.
 *
 * @param weightDtype how weights are held
 * @param device where the model runs
 * @param decodeThreads Java threads that share each single-row CPU projection (1: the calling thread
 *     only). Two reached ~88% of DRAM bandwidth on an idle 2-core machine, but nothing on a busy
 *     one, so it is opt-in; it needs {@code OPENBLAS_NUM_THREADS=1}.
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

  /** FP32 weights on the CPU. */
  public static LoadOptions defaults() {
    return new LoadOptions(WeightDtype.FP32, DeviceSpec.cpu());
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
