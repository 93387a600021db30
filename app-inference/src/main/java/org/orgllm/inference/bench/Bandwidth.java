package org.orgllm.inference.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.orgllm.inference.torch.DecodeKernels;
import org.orgllm.inference.torch.ParallelMatVec;
import org.orgllm.inference.torch.SimdKernels;

/**
 * Measures the memory bandwidth decode can use, the way decode reads memory: fp32 {@code mv} over
 * many distinct matrices (4864×896, like gate/up) totalling well beyond the caches, on one thread
 * and split over two Java threads, a plain {@code sum} over the same memory with libtorch's intra-op
 * threads, and a plain streaming read of it (a Java Vector API sum, half the matrices per thread, two
 * threads: no arithmetic to speak of, so the closest to what the memory system can deliver). The
 * best of these is the ceiling the roofline uses.
 *
 * @param bytes bytes read per pass
 * @param mvOneThreadGbPerS best pass of single-thread {@code mv}
 * @param mvTwoThreadsGbPerS best pass of {@code mv} split over two Java threads
 * @param sumGbPerS best pass of {@code sum} (intra-op threads)
 * @param readTwoThreadsGbPerS best pass of the streaming read on two threads (0 without the vector
 *     module)
 * @param bestGbPerS the highest of these
 */
public record Bandwidth(
    @JsonProperty("bytes") long bytes,
    @JsonProperty("mv_1_thread_gb_per_s") double mvOneThreadGbPerS,
    @JsonProperty("mv_2_threads_gb_per_s") double mvTwoThreadsGbPerS,
    @JsonProperty("sum_gb_per_s") double sumGbPerS,
    @JsonProperty("read_2_threads_gb_per_s") double readTwoThreadsGbPerS,
    @JsonProperty("best_gb_per_s") double bestGbPerS) {

  private static final long ROWS = 4864;
  private static volatile float sink;
  private static final long COLS = 896;

  /**
   * Runs {@code passes} passes of each method over {@code gigabytes} of fp32 matrices and keeps the
   * best pass of each (the least disturbed by other processes).
   */
  public static Bandwidth measure(double gigabytes, int passes) {
    long perMatrix = ROWS * COLS * 4;
    int count = (int) Math.ceil(gigabytes * 1e9 / perMatrix);
    try (InferenceMode mode = new InferenceMode();
        PointerScope scope = new PointerScope();
        ParallelMatVec two = new ParallelMatVec(2, 0)) {
      List<Tensor> matrices = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        matrices.add(torch.ones(ROWS, COLS));
      }
      Tensor x = torch.ones(COLS); // (in)
      long bytes = (long) count * perMatrix;
      double one = 0;
      double split = 0;
      double sum = 0;
      double read = 0;
      List<MemorySegment> segments = matrices.stream().map(DecodeKernels::segment).toList();
      for (int p = 0; p < passes; p++) {
        one = Math.max(one, pass(bytes, () -> matrices.forEach(m -> ParallelMatVec.single(m, x, null))));
        split = Math.max(split, pass(bytes, () -> matrices.forEach(m -> two.mv(m, x, null))));
        sum = Math.max(sum, pass(bytes, () -> matrices.forEach(Tensor::sum)));
        if (SimdKernels.available()) {
          read = Math.max(read, pass(bytes, () -> two.runOnAll(t -> {
            for (int i = t; i < segments.size(); i += 2) {
              sink = DecodeKernels.read(segments.get(i)); // used, so the JIT cannot drop the reads
            }
          })));
        }
      }
      double best = Arrays.stream(new double[] {one, split, sum, read}).max().orElse(0);
      return new Bandwidth(bytes, one, split, sum, read, best);
    }
  }

  private static double pass(long bytes, Runnable reads) {
    try (PointerScope scope = new PointerScope()) {
      long t0 = System.nanoTime();
      reads.run();
      return bytes / ((System.nanoTime() - t0) / 1e9) / 1e9;
    }
  }
}
