package org.orgllm.inference.model;

/** How weights are held in memory (math is always done in the device's compute dtype). */
public enum WeightDtype {
  /** Float32: on CPU the fastest for prefill; a zero-copy view when the file stores F32. */
  FP32,
  /** BFloat16: half the memory; zero-copy when the file stores BF16; upcast per matmul on CPU. */
  BF16,
  /** Whatever the file stores, always zero-copy on CPU. */
  STORED
}
