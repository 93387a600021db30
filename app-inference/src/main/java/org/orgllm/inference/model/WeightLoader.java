package org.orgllm.inference.model;

import java.util.Arrays;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.orgllm.inference.ModelLoadException;
import org.orgllm.inference.safetensors.SafetensorsIndex;
import org.orgllm.inference.safetensors.TensorInfo;
import org.orgllm.inference.torch.DeviceSpec;

/**
 * Fetches checkpoint tensors by key, checks their shape against what the config implies, and puts
 * them in the held dtype on the target device (zero-copy on CPU when the stored dtype is kept).
 */
public final class WeightLoader {

  private final SafetensorsIndex index;
  private final LoadOptions options;

  /**
   * @param index the checkpoint
   * @param options held dtype and device
   */
  public WeightLoader(SafetensorsIndex index, LoadOptions options) {
    this.index = index;
    this.options = options;
  }

  /** Whether the checkpoint has {@code name}. */
  public boolean contains(String name) {
    return index.contains(name);
  }

  /**
   * The tensor {@code name}, which must have shape {@code expected}.
   *
   * @throws ModelLoadException naming the file and tensor when missing or misshapen
   */
  public Tensor get(String name, long... expected) {
    if (!index.contains(name)) {
      throw ModelLoadException.of(index.files().getFirst().path(), "missing tensor '" + name + "'");
    }
    TensorInfo info = index.info(name);
    if (!Arrays.equals(info.shape(), expected)) {
      throw ModelLoadException.of(index.fileOf(name).path(), "tensor '" + name + "' has shape "
          + Arrays.toString(info.shape()) + " but config.json implies " + Arrays.toString(expected));
    }
    Tensor stored = index.tensor(name);
    ScalarType held = switch (options.weightDtype()) {
      case FP32 -> ScalarType.Float;
      case BF16 -> ScalarType.BFloat16;
      case STORED -> stored.scalar_type();
    };
    DeviceSpec device = options.device();
    if (device.isCuda()) {
      return stored.to(device.device(), held);
    }
    return stored.scalar_type().value == held.value ? stored : stored.to(held);
  }

  /** The checkpoint (kept reachable by the model so zero-copy weights stay mapped). */
  public SafetensorsIndex index() {
    return index;
  }
}
