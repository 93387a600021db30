package org.orgllm.inference.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorArrayRef;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orgllm.inference.torch.TorchRuntime;

/** The rolled, signed-sin RoPE against HF's {@code q * cos + rotate_half(q) * sin}. */
class RotaryEmbeddingTest {

  @BeforeAll
  static void init() {
    TorchRuntime.init(1);
  }

  @Test
  void preparedAnglesGiveHuggingFacesResultBitForBit() {
    try (InferenceMode mode = new InferenceMode()) {
      Tensor x = torch.randn(6, 5, 64); // (tokens, heads, dim)
      Tensor angles = torch.randn(6, 32); // (tokens, dim/2)
      Tensor emb = torch.cat(new TensorArrayRef(new TensorVector(angles, angles)), 1); // (tokens, dim)
      Tensor cos = emb.cos();
      Tensor sin = emb.sin();
      Tensor x1 = x.narrow(2, 0, 32);
      Tensor x2 = x.narrow(2, 32, 32);
      Tensor rotateHalf = torch.cat(new TensorArrayRef(new TensorVector(x2.neg(), x1)), 2);
      Tensor expected = x.mul(cos.unsqueeze(1)).add(rotateHalf.mul(sin.unsqueeze(1)));

      Tensor[] prepared = RotaryEmbedding.prepare(cos, sin);
      assertThat(torch.equal(RotaryEmbedding.applyPrepared(x, prepared[0], prepared[1]), expected)).isTrue();
      assertThat(torch.equal(RotaryEmbedding.apply(x, cos, sin), expected)).isTrue();
    }
  }
}
