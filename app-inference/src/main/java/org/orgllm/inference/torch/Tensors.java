package org.orgllm.inference.torch;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** Conversions between Java arrays and tensors, and small shape helpers. */
public final class Tensors {

  private Tensors() {}

  /** The shape of {@code t} as a Java array. */
  public static long[] shape(Tensor t) {
    long[] shape = new long[(int) t.dim()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = t.size(i);
    }
    return shape;
  }

  /** A new (owned) int64 CPU tensor holding {@code values}. */
  public static Tensor longs(long... values) {
    try (LongPointer p = new LongPointer(values)) {
      return torch.from_blob(p, new long[] {values.length}, new TensorOptions(ScalarType.Long)).clone();
    }
  }

  /** A new (owned) int64 CPU tensor holding {@code values}. */
  public static Tensor longs(int[] values) {
    long[] l = new long[values.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = values[i];
    }
    return longs(l);
  }

  /** A new (owned) float32 CPU tensor of the given shape holding {@code values}. */
  public static Tensor floats(float[] values, long... shape) {
    try (FloatPointer p = new FloatPointer(values)) {
      return torch.from_blob(p, shape, new TensorOptions(ScalarType.Float)).clone();
    }
  }

  /** The elements of {@code t} (any dtype/device) as float32, in row-major order. */
  public static float[] toFloats(Tensor t) {
    try (Tensor f = t.to(ScalarType.Float).cpu().contiguous()) {
      float[] out = new float[(int) f.numel()];
      if (out.length > 0) {
        f.data_ptr_float().capacity(out.length).get(out);
      }
      return out;
    }
  }

  /** The elements of {@code t} (an integer tensor) as longs. */
  public static long[] toLongs(Tensor t) {
    try (Tensor l = t.to(ScalarType.Long).cpu().contiguous()) {
      long[] out = new long[(int) l.numel()];
      if (out.length > 0) {
        l.data_ptr_long().capacity(out.length).get(out);
      }
      return out;
    }
  }

  /**
   * Detaches {@code t} from the innermost {@link PointerScope} so it outlives the scope (cache
   * entries, results); the caller then owns it ({@code close()} or the GC frees it). {@code detach}
   * releases the scope's reference, so one is retained first or the tensor would be freed at once.
   */
  public static Tensor keep(Tensor t) {
    PointerScope scope = PointerScope.getInnerScope();
    if (scope != null) {
      t.retainReference();
      scope.detach(t);
    }
    return t;
  }

  /** Whether {@code t} has scalar type {@code type} (compared by value; JNI enums are fresh objects). */
  public static boolean isType(Tensor t, ScalarType type) {
    return t.scalar_type().value == type.value;
  }
}
