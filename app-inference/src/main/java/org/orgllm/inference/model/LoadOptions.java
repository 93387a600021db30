package org.orgllm.inference.model;

import org.orgllm.inference.torch.DeviceSpec;

/**
 * Options for {@link ModelLoader#load}.
 *
 * @param weightDtype how weights are held
 * @param device where the model runs
 */
public record LoadOptions(WeightDtype weightDtype, DeviceSpec device) {

  /** FP32 weights on the CPU. */
  public static LoadOptions defaults() {
    return new LoadOptions(WeightDtype.FP32, DeviceSpec.cpu());
  }

  /** The same options with another weight dtype. */
  public LoadOptions withWeightDtype(WeightDtype dtype) {
    return new LoadOptions(dtype, device);
  }
}
