package org.orgllm.inference.torch;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fused decode step's kernels against libtorch: partial projections, attention, SwiGLU. */
class DecodeKernelsTest {

  @BeforeAll
  static void init() {
    TorchRuntime.init(1);
  }

  @Test
  void aShareOfOutputsAndInputsEqualsTheSameSliceOfLinear() {
    assertThat(SimdKernels.available()).as("tests run with --add-modules jdk.incubator.vector").isTrue();
    try (InferenceMode mode = new InferenceMode()) {
      // Input ranges that start odd and leave tails after whole vectors and pairs of vectors.
      for (long in : new long[] {1000, 896, 33}) {
        for (long out : new long[] {23, 97}) {
          Tensor w = torch.randn(out, in); // (out, in)
          for (int rows : new int[] {1, 3, 8}) {
            Tensor x = torch.randn(rows, in); // (rows, in)
            for (ScalarType held : new ScalarType[] {ScalarType.Float, ScalarType.BFloat16}) {
              Tensor wh = w.to(held); // (out, in) as held
              int kFrom = (int) in / 3 + 1;
              int kTo = (int) in - 2;
              int outFrom = (int) out / 4;
              int outTo = (int) out - 1;
              Tensor expected = torch.linear(x.narrow(1, kFrom, kTo - kFrom),
                  wh.to(ScalarType.Float).narrow(1, kFrom, kTo - kFrom)).narrow(1, outFrom, outTo - outFrom); // (rows, n)
              // The output is written shifted, with a row stride wider than the slice.
              long stride = outTo - outFrom + 5;
              Tensor y = torch.full(new long[] {rows, stride}, new Scalar(Float.NaN)); // (rows, stride)
              DecodeKernels.project(DecodeKernels.segment(wh), held == ScalarType.BFloat16, (int) in, kFrom, kTo,
                  DecodeKernels.segment(x), in, rows, outFrom, outTo, DecodeKernels.segment(y), stride, outFrom);
              Tensor got = y.narrow(1, 0, outTo - outFrom);
              assertThat(got.sub(expected).abs().max().item_float()).as("in %d out %d rows %d %s", in, out, rows, held)
                  .isLessThan(1e-4f);
              assertThat(y.narrow(1, outTo - outFrom, 5).isnan().all().item_bool()).as("beyond the slice").isTrue();
            }
          }
        }
      }
    }
  }

  @Test
  void rowsOfASmallMatrixTimesAVector() {
    try (InferenceMode mode = new InferenceMode()) {
      for (int cols : new int[] {1, 16, 20}) {
        Tensor m = torch.randn(30, cols); // (30, cols): LoRA's B with rank cols
        Tensor v = torch.randn(cols); // (cols)
        Tensor expected = m.mv(v).narrow(0, 7, 20); // (20)
        Tensor out = torch.zeros(20); // (20)
        DecodeKernels.times(DecodeKernels.segment(m), cols, DecodeKernels.segment(v), 7, 27, DecodeKernels.segment(out));
        assertThat(out.sub(expected).abs().max().item_float()).as("rank %d", cols).isLessThan(1e-5f);
      }
    }
  }

  @Test
  void attentionEqualsSoftmaxOfScaledScoresTimesValues() {
    try (InferenceMode mode = new InferenceMode()) {
      for (int headDim : new int[] {64, 16, 20}) {
        int capacity = 40;
        Tensor keys = torch.randn(2, capacity, headDim); // (kvHeads, capacity, headDim)
        Tensor values = torch.randn(2, capacity, headDim); // (kvHeads, capacity, headDim)
        Tensor q = torch.randn(headDim); // (headDim)
        float scale = (float) (1 / Math.sqrt(headDim));
        int from = 3;
        int to = 31;
        // kv head 1, positions [from, to): what a sliding window leaves.
        Tensor k = keys.select(0, 1).narrow(0, from, to - from); // (n, headDim)
        Tensor v = values.select(0, 1).narrow(0, from, to - from); // (n, headDim)
        Tensor expected = torch.scaled_dot_product_attention(q.view(1, 1, 1, headDim), k.view(1, 1, -1, headDim),
            v.view(1, 1, -1, headDim), new TensorOptional(), 0.0, false, new DoubleOptional(scale), false)
            .view(headDim); // (headDim)
        Tensor out = torch.zeros(headDim); // (headDim)
        DecodeKernels.attend(DecodeKernels.segment(q), 0, DecodeKernels.segment(keys), DecodeKernels.segment(values),
            (long) capacity * headDim, from, to, headDim, scale, new float[to], DecodeKernels.segment(out), 0);
        assertThat(out.sub(expected).abs().max().item_float()).as("headDim %d", headDim).isLessThan(1e-5f);
      }
    }
  }

  @Test
  void swigluGatesARangeInPlace() {
    try (InferenceMode mode = new InferenceMode()) {
      Tensor gate = torch.randn(101).mul(new Scalar(4.0)); // (101)
      Tensor up = torch.randn(101); // (101)
      Tensor expected = torch.silu(gate).mul(up); // (101)
      Tensor before = gate.clone();
      MemorySegment g = DecodeKernels.segment(gate);
      DecodeKernels.swiglu(g, DecodeKernels.segment(up), 5, 99);
      assertThat(gate.narrow(0, 5, 94).sub(expected.narrow(0, 5, 94)).abs().max().item_float()).isLessThan(1e-5f);
      assertThat(gate.narrow(0, 0, 5).equal(before.narrow(0, 0, 5))).as("outside the range").isTrue();
      assertThat(gate.narrow(0, 99, 2).equal(before.narrow(0, 99, 2))).isTrue();
    }
  }
}
