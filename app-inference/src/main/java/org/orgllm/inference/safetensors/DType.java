package org.orgllm.inference.safetensors;

import org.bytedeco.pytorch.global.torch.ScalarType;

/** The safetensors dtypes this engine understands, with their libtorch counterparts. */
public enum DType {
  F32(4, ScalarType.Float),
  F16(2, ScalarType.Half),
  BF16(2, ScalarType.BFloat16),
  I64(8, ScalarType.Long),
  I32(4, ScalarType.Int);

  private final int byteSize;
  private final ScalarType scalarType;

  DType(int byteSize, ScalarType scalarType) {
    this.byteSize = byteSize;
    this.scalarType = scalarType;
  }

  /** Bytes per element. */
  public int byteSize() {
    return byteSize;
  }

  /** The libtorch scalar type of this dtype. */
  public ScalarType scalarType() {
    return scalarType;
  }

  /** The dtype of a libtorch scalar type, compared by {@code .value} (JNI returns fresh enums). */
  public static DType of(ScalarType type) {
    for (DType d : values()) {
      if (d.scalarType.value == type.value) {
        return d;
      }
    }
    throw new IllegalArgumentException("no safetensors dtype for " + type);
  }

  /** Parses a header dtype name, or returns null when it is not supported. */
  static DType parse(String name) {
    for (DType d : values()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    return null;
  }
}
