package org.orgllm.inference.safetensors;

import java.util.Arrays;

/**
 * One header entry: a tensor's dtype, shape and byte range relative to the start of the data region.
 *
 * @param name the checkpoint key, e.g. {@code model.layers.0.self_attn.q_proj.weight}
 * @param dtype element type
 * @param shape dimensions (empty for a scalar)
 * @param begin first byte, relative to the data region
 * @param end one past the last byte, relative to the data region
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {

  /** Number of elements (1 for a scalar). */
  public long numel() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** Byte length of the data. */
  public long byteLength() {
    return end - begin;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorInfo t
        && name.equals(t.name)
        && dtype == t.dtype
        && Arrays.equals(shape, t.shape)
        && begin == t.begin
        && end == t.end;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + " " + dtype + Arrays.toString(shape) + " [" + begin + ", " + end + ")";
  }
}
