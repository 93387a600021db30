package org.orgllm.inference.torch;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vector kernel against libtorch's {@code linear}, for fp32 and bf16 weights, whatever path the engine picks. */
class SimdKernelsTest {

  @BeforeAll
  static void init() {
    TorchRuntime.init(1);
  }

  @Test
  void everyRowCountAndRangeEqualsLinear() {
    assertThat(SimdKernels.available()).as("tests run with --add-modules jdk.incubator.vector").isTrue();
    try (InferenceMode mode = new InferenceMode()) {
      // 1000, 33 and 7 leave tails after whole vectors (and after whole pairs of vectors for bf16);
      // 5 rows is one group of four plus one; 23 and 97 output rows leave rows past four quarters.
      for (long in : new long[] {1000, 896, 64, 33, 7}) {
        for (long out : new long[] {23, 97}) {
          Tensor w = torch.randn(out, in); // (out, in)
          Tensor b = torch.randn(out); // (out)
          long split = out / 3;
          for (int rows : new int[] {1, 2, 5, 8}) {
            Tensor x = torch.randn(rows, in); // (rows, in)
            for (ScalarType held : new ScalarType[] {ScalarType.Float, ScalarType.BFloat16}) {
              Tensor wh = w.to(held); // (out, in) as held
              Tensor bh = b.to(held); // (out) as held
              assertThat(SimdKernels.accepts(wh, x, bh)).isTrue();
              Tensor expected = torch.linear(x, wh.to(ScalarType.Float), new TensorOptional(bh.to(ScalarType.Float)));
              Tensor y = torch.full(new long[] {rows, out}, new org.bytedeco.pytorch.Scalar(Float.NaN)); // (rows, out)
              // Two ranges, as two threads would write them.
              SimdKernels.project(wh, x, bh, y, 0, split);
              SimdKernels.project(wh, x, bh, y, split, out);
              float diff = y.sub(expected).abs().max().item_float();
              assertThat(diff).as("in %d, out %d, %d rows, %s", in, out, rows, held).isLessThan(1e-4f);
            }
          }
        }
      }
    }
  }

  @Test
  void refusesWhatItCannotRead() {
    try (InferenceMode mode = new InferenceMode()) {
      Tensor w = torch.randn(4, 8); // (out, in)
      assertThat(SimdKernels.accepts(w, torch.randn(9, 8), null)).as("more than eight rows").isFalse();
      assertThat(SimdKernels.accepts(w, torch.randn(8, 2).t(), null)).as("not contiguous").isFalse();
      assertThat(SimdKernels.accepts(w.to(ScalarType.Half), torch.randn(1, 8), null)).as("fp16 weights").isFalse();
      assertThat(SimdKernels.accepts(w, torch.randn(1, 8), torch.randn(4).to(ScalarType.BFloat16)))
          .as("bias in another dtype").isFalse();
    }
  }
}
