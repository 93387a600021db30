package org.orgllm.inference.torch;

import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Where a model runs and in which dtype it computes activations.
 *
 * <p>CPU computes in float32 (bf16 GEMM is ~100x slower than fp32 on AVX2 and loses accuracy); a
 * CUDA device computes in bf16 (or fp16) as GPUs are built for it.
 *
 * @param type CPU or CUDA
 * @param index device index (0 for CPU)
 * @param computeType activation dtype
 */
public record DeviceSpec(DeviceType type, int index, ScalarType computeType) {

  /** CPU, float32 math. */
  public static DeviceSpec cpu() {
    return new DeviceSpec(DeviceType.CPU, 0, ScalarType.Float);
  }

  /** CUDA device {@code index}, bf16 math. */
  public static DeviceSpec cuda(int index) {
    return new DeviceSpec(DeviceType.CUDA, index, ScalarType.BFloat16);
  }

  /** The first CUDA device when libtorch sees one, else the CPU. */
  public static DeviceSpec auto() {
    return TorchRuntime.cudaAvailable() ? cuda(0) : cpu();
  }

  /** Whether this is a CUDA device. */
  public boolean isCuda() {
    return type.value == DeviceType.CUDA.value;
  }

  /** The libtorch device. */
  public Device device() {
    return new Device(type, (byte) index);
  }

  @Override
  public String toString() {
    return (isCuda() ? "cuda:" + index : "cpu") + "/" + computeType;
  }
}
