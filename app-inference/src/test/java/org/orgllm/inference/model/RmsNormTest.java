package org.orgllm.inference.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orgllm.inference.torch.TorchRuntime;

/** RMSNorm against HF's {@code Qwen2RMSNorm} written out step by step. */
class RmsNormTest {

  @BeforeAll
  static void init() {
    TorchRuntime.init(1);
  }

  /** HF: variance in fp32, x * rsqrt(variance + eps), back to the input dtype, times the weight. */
  private static Tensor hf(Tensor x, Tensor weight, double eps) {
    ScalarType input = x.scalar_type();
    Tensor h = x.to(ScalarType.Float);
    Tensor variance = h.pow(new Scalar(2.0)).mean(new long[] {-1}, true, new ScalarTypeOptional());
    h = h.mul(variance.add(new Scalar(eps)).rsqrt());
    return weight.to(input).mul(h.to(input));
  }

  @Test
  void fp32ActivationsMatchHuggingFaceWithFp32AndBf16Weights() {
    try (InferenceMode mode = new InferenceMode()) {
      Tensor x = torch.randn(5, 3, 64).mul(new Scalar(7.0)); // (tokens, heads, dim): also the per-head q/k norm
      for (ScalarType held : new ScalarType[] {ScalarType.Float, ScalarType.BFloat16}) {
        Tensor weight = torch.randn(64).to(held); // (dim) as held
        RmsNorm norm = new RmsNorm(weight, 1e-6);
        Tensor expected = hf(x, weight.to(ScalarType.Float), 1e-6);
        for (int call = 0; call < 2; call++) { // the second call uses the cached fp32 weight
          Tensor y = norm.forward(x);
          assertThat(y.scalar_type().value).isEqualTo(ScalarType.Float.value);
          assertThat(y.sub(expected).abs().max().item_float()).as("%s weights", held).isLessThan(1e-5f);
        }
      }
    }
  }

  @Test
  void bf16ActivationsRoundLikeHuggingFace() {
    try (InferenceMode mode = new InferenceMode()) {
      Tensor x = torch.randn(4, 32).to(ScalarType.BFloat16); // (tokens, dim)
      Tensor weight = torch.randn(32).to(ScalarType.BFloat16); // (dim)
      Tensor y = new RmsNorm(weight, 1e-5).forward(x);
      assertThat(y.scalar_type().value).isEqualTo(ScalarType.BFloat16.value);
      assertThat(torch.equal(y, hf(x, weight, 1e-5))).isTrue();
    }
  }
}
