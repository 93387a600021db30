package org.orgllm.inference.torch;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Manual benchmark (not a test): a decode-like pass over the projections of N layers of a
 * Qwen2-0.5B-shaped model, with linear, single-thread mv and {@link ParallelMatVec}.
 * Run with OPENBLAS_NUM_THREADS=1: {@code java -cp ... org.orgllm.inference.torch.MatVecBench [layers]}.
 */
public final class MatVecBench {

  private MatVecBench() {}

  public static void main(String[] args) {
    int layers = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    TorchRuntime.init(2);
    long[][] shapes = {{896, 896}, {128, 896}, {128, 896}, {896, 896}, {4864, 896}, {4864, 896}, {896, 4864}};
    List<Tensor> ws = new ArrayList<>();
    long bytes = 0;
    for (int l = 0; l < layers; l++) {
      for (long[] s : shapes) {
        Tensor w = torch.randn(s);
        ws.add(w);
        bytes += w.nbytes();
      }
    }
    try (InferenceMode mode = new InferenceMode(); ParallelMatVec par = new ParallelMatVec(2, 0)) {
      for (int rep = 0; rep < 5; rep++) {
        double tLinear = time(ws, w -> torch.linear(torch.randn(1, w.size(1)), w));
        double tMv = time(ws, w -> w.mv(torch.randn(w.size(1))));
        double tPar = time(ws, w -> par.mv(w, torch.randn(w.size(1)), null));
        System.out.printf("%.2f GB: linear %.1f GB/s, mv %.1f GB/s, parallel mv %.1f GB/s%n",
            bytes / 1e9, bytes / tLinear / 1e9, bytes / tMv / 1e9, bytes / tPar / 1e9);
      }
    }
  }

  private static double time(List<Tensor> ws, java.util.function.Function<Tensor, Tensor> op) {
    long t0 = System.nanoTime();
    for (Tensor w : ws) {
      op.apply(w).close();
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
