package org.orgllm.inference.torch;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Projections of a few activation rows computed in Java with the Vector API ({@link DecodeKernels}),
 * when the JVM runs with {@code --add-modules jdk.incubator.vector} (the launcher, the Docker image and
 * the tests do). Without the module, or with {@code -Dorgllm.simd=false}, {@link #available()} is false
 * and the libtorch kernels are used instead; the vector classes are then never loaded.
 */
public final class SimdKernels {

  /** Most activation rows one call handles: one accumulator register per row. */
  public static final int MAX_ROWS = 8;

  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && Boolean.parseBoolean(System.getProperty("orgllm.simd", "true"));

  private SimdKernels() {}

  /** Whether the vector kernels are usable in this JVM. */
  public static boolean available() {
    return AVAILABLE;
  }

  /** Whether {@link #project} takes these operands: CPU, contiguous, fp32 activations, fp32 or bf16 weights. */
  static boolean accepts(Tensor weight, Tensor x, Tensor bias) {
    if (!AVAILABLE || weight.is_cuda() || x.is_cuda() || !weight.is_contiguous() || !x.is_contiguous()
        || !Tensors.isType(x, ScalarType.Float) || x.dim() > 2 || x.numel() / weight.size(1) > MAX_ROWS) {
      return false;
    }
    boolean bf16 = Tensors.isType(weight, ScalarType.BFloat16);
    if (!bf16 && !Tensors.isType(weight, ScalarType.Float)) {
      return false;
    }
    return bias == null || (bias.is_contiguous() && bias.scalar_type().value == weight.scalar_type().value);
  }

  /**
   * Output features {@code [from, to)} of {@code y = x W^T + b}.
   *
   * @param weight (out, in) fp32 or bf16, contiguous
   * @param x (rows, in) or (in), fp32, contiguous, at most {@link #MAX_ROWS} rows
   * @param bias (out) in the weight's dtype, or null
   * @param y (rows, out) fp32 contiguous, written
   */
  static void project(Tensor weight, Tensor x, Tensor bias, Tensor y, long from, long to) {
    boolean bf16 = Tensors.isType(weight, ScalarType.BFloat16);
    int in = Math.toIntExact(weight.size(1));
    int out = Math.toIntExact(weight.size(0));
    int rows = Math.toIntExact(x.numel() / in);
    MemorySegment w = DecodeKernels.segment(weight);
    MemorySegment ys = DecodeKernels.segment(y);
    DecodeKernels.project(w, bf16, in, 0, in, DecodeKernels.segment(x), in, rows, (int) from, (int) to, ys, out, 0);
    if (bias != null) {
      MemorySegment b = DecodeKernels.segment(bias);
      for (int r = 0; r < rows; r++) {
        for (long o = from; o < to; o++) {
          float bo = bf16 ? DecodeKernels.bf16At(b, o) : b.getAtIndex(FLOAT, o);
          ys.setAtIndex(FLOAT, (long) r * out + o, ys.getAtIndex(FLOAT, (long) r * out + o) + bo);
        }
      }
    }
  }
}
