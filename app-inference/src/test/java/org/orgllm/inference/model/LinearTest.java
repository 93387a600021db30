package org.orgllm.inference.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orgllm.inference.lora.LoraBatch;
import org.orgllm.inference.lora.Projection;
import org.orgllm.inference.torch.ParallelMatVec;
import org.orgllm.inference.torch.SimdKernels;
import org.orgllm.inference.torch.Tensors;
import org.orgllm.inference.torch.TorchRuntime;

/** The decode fast paths of {@link Linear} against the plain {@code linear} they replace. */
class LinearTest {

  @BeforeAll
  static void init() {
    TorchRuntime.init();
    torch.manual_seed(42);
  }

  private static float maxDiff(Tensor a, Tensor b) {
    float[] x = Tensors.toFloats(a);
    float[] y = Tensors.toFloats(b);
    assertThat(x).hasSameSizeAs(y);
    float m = 0;
    for (int i = 0; i < x.length; i++) {
      m = Math.max(m, Math.abs(x[i] - y[i]));
    }
    return m;
  }

  @Test
  void singleRowMvAndParallelSplitsEqualLinear() {
    // Odd sizes so the row split is uneven.
    Tensor w = torch.randn(37, 19); // (out, in)
    Tensor b = torch.randn(37); // (out)
    Tensor x = torch.randn(1, 19); // (1, in)
    Tensor expected = torch.linear(x, w, new TensorOptional(b)); // (1, out)
    Tensor expectedNoBias = torch.linear(x, w); // (1, out)

    Linear plain = new Linear("t", 0, Projection.q_proj, w, b);
    assertThat(maxDiff(plain.forward(x, LoraBatch.none()), expected)).isLessThan(1e-5f);
    assertThat(maxDiff(new Linear("t", 0, Projection.q_proj, w, null).forward(x, LoraBatch.none()), expectedNoBias))
        .isLessThan(1e-5f);

    for (int parts : new int[] {2, 3, 5}) {
      try (ParallelMatVec kernel = new ParallelMatVec(parts, 0)) {
        Linear split = new Linear("t", 0, Projection.q_proj, w, b);
        split.useMatVec(kernel);
        Tensor y = split.forward(x, LoraBatch.none());
        assertThat(Tensors.shape(y)).containsExactly(1, 37);
        assertThat(maxDiff(y, expected)).as("%d parts", parts).isLessThan(1e-5f);
        Linear splitNoBias = new Linear("t", 0, Projection.q_proj, w, null);
        splitNoBias.useMatVec(kernel);
        assertThat(maxDiff(splitNoBias.forward(x, LoraBatch.none()), expectedNoBias)).isLessThan(1e-5f);
      }
    }
  }

  @Test
  void bf16WeightsAreUpcastSoTheMathStaysFp32() {
    Tensor w = torch.randn(16, 8).to(ScalarType.BFloat16); // (out, in) as held
    Tensor x = torch.randn(3, 8); // (tokens, in) fp32
    Tensor expected = torch.linear(x, w.to(ScalarType.Float));
    Linear linear = new Linear("t", 0, Projection.q_proj, w, null);
    Tensor y = linear.forward(x, LoraBatch.none());
    assertThat(Tensors.isType(y, ScalarType.Float)).isTrue();
    assertThat(maxDiff(y, expected)).isLessThan(1e-5f);
    assertThat(maxDiff(linear.forward(x.narrow(0, 1, 1), LoraBatch.none()), expected.narrow(0, 1, 1))).isLessThan(1e-5f);
  }

  @Test
  void bf16SingleRowConvertsBlockByBlockLikeTheFullUpcast() {
    // 1100 x 9000 bf16 with a bias: 466-row scratch blocks (4M fp32), so three blocks on one thread,
    // two per thread on two, uneven splits on three.
    Tensor w = torch.randn(1100, 9000).to(ScalarType.BFloat16); // (out, in) as held
    Tensor b = torch.randn(1100).to(ScalarType.BFloat16); // (out) as held
    Tensor x = torch.randn(1, 9000); // (1, in) fp32
    Tensor expected = torch.linear(x, w.to(ScalarType.Float), new TensorOptional(b.to(ScalarType.Float)));
    // Outputs are sums of 9000 products (|y| ~ 100): summation order alone moves them by ~1e-5 relative.
    float tolerance = 2e-3f;
    Linear plain = new Linear("t", 0, Projection.q_proj, w, b);
    assertThat(maxDiff(plain.forward(x, LoraBatch.none()), expected)).isLessThan(tolerance);
    for (int parts : new int[] {2, 3}) {
      try (ParallelMatVec kernel = new ParallelMatVec(parts, 0)) {
        Linear split = new Linear("t", 0, Projection.q_proj, w, b);
        split.useMatVec(kernel);
        Tensor y = split.forward(x, LoraBatch.none());
        assertThat(Tensors.isType(y, ScalarType.Float)).isTrue();
        assertThat(maxDiff(y, expected)).as("%d parts", parts).isLessThan(tolerance);
      }
    }
  }

  @Test
  void projectionsOfOneInputSplitTogetherEqualEachAlone() {
    // q/k/v-like: unequal heights, biases, fp32 and bf16 weights, one hand-off for all three.
    Tensor x = torch.randn(1, 40); // (1, in)
    for (ScalarType held : new ScalarType[] {ScalarType.Float, ScalarType.BFloat16}) {
      Linear[] plain = new Linear[3];
      Linear[] split = new Linear[3];
      long[] heights = {37, 8, 8};
      try (ParallelMatVec kernel = new ParallelMatVec(2, 0)) {
        for (int i = 0; i < 3; i++) {
          Tensor w = torch.randn(heights[i], 40).to(held); // (out_i, in)
          Tensor b = torch.randn(heights[i]).to(held); // (out_i)
          plain[i] = new Linear("t" + i, 0, Projection.values()[i], w, b);
          split[i] = new Linear("t" + i, 0, Projection.values()[i], w, b);
          split[i].useMatVec(kernel);
        }
        Tensor[] expected = Linear.forwardAll(plain, x, LoraBatch.none());
        Tensor[] actual = Linear.forwardAll(split, x, LoraBatch.none());
        for (int i = 0; i < 3; i++) {
          assertThat(Tensors.shape(actual[i])).containsExactly(1, heights[i]);
          assertThat(maxDiff(actual[i], expected[i])).as("%s projection %d", held, i).isLessThan(1e-5f);
          assertThat(maxDiff(expected[i], plain[i].forward(x, LoraBatch.none()))).isLessThan(1e-6f);
        }
      }
    }
  }

  @Test
  void projectionsOfAFewRowsEqualLinearForFp32AndBf16Weights() {
    assertThat(SimdKernels.available()).as("tests run with --add-modules jdk.incubator.vector").isTrue();
    // in = 1000 leaves a tail after whole vectors (16 or 8 lanes, 4 accumulators); odd output counts.
    for (long in : new long[] {1000, 64, 7}) {
      Tensor w = torch.randn(41, in); // (out, in)
      Tensor b = torch.randn(41); // (out)
      for (int rows : new int[] {1, 3, 8}) {
        Tensor x = torch.randn(rows, in); // (rows, in)
        for (ScalarType held : new ScalarType[] {ScalarType.Float, ScalarType.BFloat16}) {
          Tensor wh = w.to(held); // (out, in) as held
          Tensor bh = b.to(held); // (out) as held
          // Both dtypes take the vector kernel by default (see ParallelMatVec.SIMD_FP32).
          assertThat(ParallelMatVec.useSimd(wh, x, bh)).isTrue();
          Tensor expected = torch.linear(x, wh.to(ScalarType.Float), new TensorOptional(bh.to(ScalarType.Float)));
          for (int parts : new int[] {1, 2, 3}) {
            Linear l = new Linear("t", 0, Projection.q_proj, wh, parts == 1 ? bh : null);
            Tensor exp = parts == 1 ? expected : torch.linear(x, wh.to(ScalarType.Float));
            if (parts == 1) {
              assertThat(maxDiff(l.forward(x, LoraBatch.none()), exp)).as("in %d rows %d %s", in, rows, held)
                  .isLessThan(1e-4f);
              continue;
            }
            try (ParallelMatVec kernel = new ParallelMatVec(parts, 0)) {
              l.useMatVec(kernel);
              Tensor y = l.forward(x, LoraBatch.none());
              assertThat(Tensors.shape(y)).containsExactly(rows, 41);
              assertThat(maxDiff(y, exp)).as("in %d rows %d %s %d parts", in, rows, held, parts).isLessThan(1e-4f);
            }
          }
        }
      }
    }
  }

  @Test
  void severalRowsSplitByOutputFeaturesEqualLinear() {
    // Odd sizes for uneven shares; 5 rows take the small-batch kernel, 70 rows the linear one.
    Tensor w = torch.randn(37, 19); // (out, in)
    Tensor b = torch.randn(37); // (out)
    for (int rows : new int[] {5, 70}) {
      Tensor x = torch.randn(rows, 19); // (rows, in)
      for (ScalarType held : new ScalarType[] {ScalarType.Float, ScalarType.BFloat16}) {
        Tensor wh = w.to(held); // (out, in) as held
        Tensor bh = b.to(held); // (out) as held
        Tensor expected = torch.linear(x, wh.to(ScalarType.Float), new TensorOptional(bh.to(ScalarType.Float)));
        Tensor expectedNoBias = torch.linear(x, wh.to(ScalarType.Float));
        for (int parts : new int[] {2, 3, 5}) {
          try (ParallelMatVec kernel = new ParallelMatVec(parts, 0)) {
            Linear split = new Linear("t", 0, Projection.q_proj, wh, bh);
            split.useMatVec(kernel);
            Tensor y = split.forward(x, LoraBatch.none());
            assertThat(Tensors.shape(y)).containsExactly(rows, 37);
            assertThat(Tensors.isType(y, ScalarType.Float)).isTrue();
            assertThat(maxDiff(y, expected)).as("%d rows, %s, %d parts", rows, held, parts).isLessThan(1e-5f);
            Linear noBias = new Linear("t", 0, Projection.q_proj, wh, null);
            noBias.useMatVec(kernel);
            assertThat(maxDiff(noBias.forward(x, LoraBatch.none()), expectedNoBias)).isLessThan(1e-5f);
          }
        }
      }
    }
  }

  @Test
  void aModelWithTwoDecodeThreadsDecodesLikeOne() {
    var folder = org.orgllm.inference.Fixtures.folder("tiny-qwen2");
    try (DecoderModel one = ModelLoader.load(folder, LoadOptions.defaults().withDecodeThreads(1));
        DecoderModel two = ModelLoader.load(folder, LoadOptions.defaults().withDecodeThreads(2))) {
      // The tiny weights are below the split threshold; force the split on every projection.
      try (ParallelMatVec kernel = new ParallelMatVec(2, 0)) {
        for (DecoderLayer layer : two.layers) {
          for (Projection p : Projection.values()) {
            layer.projection(p).useMatVec(kernel);
          }
        }
        two.lm_head.useMatVec(kernel);
        GreedyDecoder.Result a = new GreedyDecoder(one).generate(new int[] {1, 2, 3}, null, 8, java.util.Set.of());
        GreedyDecoder.Result b = new GreedyDecoder(two).generate(new int[] {1, 2, 3}, null, 8, java.util.Set.of());
        assertThat(b.newIds()).containsExactly(a.newIds());
        assertThat(b.minTop2Gap()).isCloseTo(a.minTop2Gap(), org.assertj.core.api.Assertions.within(1e-5));
      }
    }
  }
}
