package org.orgllm.inference.model;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * RMSNorm as in HF's {@code Qwen2RMSNorm}: the variance in fp32, then {@code weight * x.to(input
 * dtype)}.
 */
public final class RmsNorm {

  private final Tensor weight; // (dim)
  private final double eps;

  /**
   * @param weight (dim) scale
   * @param eps added to the variance
   */
  public RmsNorm(Tensor weight, double eps) {
    this.weight = weight;
    this.eps = eps;
  }

  /**
   * @param x (..., dim)
   * @return (..., dim) in x's dtype
   */
  public Tensor forward(Tensor x) {
    ScalarType inputType = x.scalar_type();
    Tensor h = x.to(ScalarType.Float); // (..., dim)
    Tensor variance = h.pow(new Scalar(2.0)).mean(new long[] {-1}, true, new ScalarTypeOptional()); // (..., 1)
    h = h.mul(variance.add(new Scalar(eps)).rsqrt()); // (..., dim)
    Tensor w = weight.scalar_type().value == inputType.value ? weight : weight.to(inputType);
    return w.mul(h.to(inputType));
  }
}
