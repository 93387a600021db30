package org.orgllm.inference.torch;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code y = x W^T (+ b)} for a few rows of fp32 activations against fp32 or bf16 weights, with the
 * Java Vector API: each weight row is read from memory once and multiplied into every activation row
 * while it is in registers, and bf16 weights are widened to fp32 in registers (a bf16 value is the
 * upper half of an fp32 one), so the math is fp32 and DRAM sees only the weights as held.
 *
 * <p>This is what decode needs and what the bundled BLAS lacks: OpenBLAS has no bf16 GEMV in this
 * build, and its fp32 GEMM packs the whole weight for every call even for 2-8 rows. Activations are
 * read from the tensor's memory as segments, not Java arrays: with arrays the bounds checks stayed in
 * the loop and four rows ran at 9-11 GB/s against 15-18 GB/s (one thread, a standalone loop). Only
 * loaded when the {@code jdk.incubator.vector} module is present (see {@link SimdKernels}); the work is
 * split over threads by {@link ParallelMatVec}.
 */
final class VectorMatMul {

  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
  private static final VectorSpecies<Short> S =
      VectorSpecies.of(short.class, VectorShape.forBitSize(F.vectorBitSize() / 2));
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE);
  private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);

  private VectorMatMul() {}

  /**
   * Output features {@code [from, to)} for every activation row.
   *
   * @param w (out, in) row-major, fp32 or bf16 ({@code bf16})
   * @param x (rows, in) row-major fp32
   * @param bias (out) fp32 or bf16 ({@code bf16}), or null
   * @param y (rows, out) row-major fp32, written
   */
  static void rows(MemorySegment w, boolean bf16, int in, MemorySegment x, int rows, MemorySegment bias,
      MemorySegment y, int out, int from, int to) {
    long rowBytes = (long) in * (bf16 ? 2 : 4);
    float[] dots = new float[4];
    for (int r = from; r < to; r++) {
      long base = r * rowBytes;
      float bv = bias == null ? 0f : bf16 ? bf16At(bias, r) : bias.getAtIndex(FLOAT, r);
      // Groups of up to four activation rows: the weight row (at most a few tens of KB) stays in
      // cache between groups, so DRAM still sees it once.
      for (int g = 0; g < rows; g += 4) {
        int n = Math.min(4, rows - g);
        long xa = (long) g * in;
        long xb = (long) (g + Math.min(1, n - 1)) * in; // missing rows repeat row g; their dots are dropped
        long xc = (long) (g + Math.min(2, n - 1)) * in;
        long xd = (long) (g + Math.min(3, n - 1)) * in;
        if (bf16) {
          dot4Bf16(w, base, in, x, xa, xb, xc, xd, dots);
        } else {
          dot4(w, base, in, x, xa, xb, xc, xd, dots);
        }
        for (int i = 0; i < n; i++) {
          y.setAtIndex(FLOAT, (long) (g + i) * out + r, dots[i] + bv);
        }
      }
    }
  }

  /** Four dot products of an fp32 weight row with four activation rows (element offsets into x). */
  private static void dot4(MemorySegment w, long base, int in, MemorySegment x, long xa, long xb, long xc, long xd,
      float[] dots) {
    int lanes = F.length();
    int bound = F.loopBound(in);
    FloatVector a = FloatVector.zero(F);
    FloatVector b = a;
    FloatVector c = a;
    FloatVector d = a;
    for (int k = 0; k < bound; k += lanes) {
      FloatVector wv = FloatVector.fromMemorySegment(F, w, base + 4L * k, LE);
      a = wv.fma(FloatVector.fromMemorySegment(F, x, 4 * (xa + k), LE), a);
      b = wv.fma(FloatVector.fromMemorySegment(F, x, 4 * (xb + k), LE), b);
      c = wv.fma(FloatVector.fromMemorySegment(F, x, 4 * (xc + k), LE), c);
      d = wv.fma(FloatVector.fromMemorySegment(F, x, 4 * (xd + k), LE), d);
    }
    finish(a, b, c, d, bound, in, w, base, false, x, xa, xb, xc, xd, dots);
  }

  /** As {@link #dot4} for a bf16 weight row, widened in registers. */
  private static void dot4Bf16(MemorySegment w, long base, int in, MemorySegment x, long xa, long xb, long xc,
      long xd, float[] dots) {
    int lanes = F.length();
    int bound = F.loopBound(in);
    FloatVector a = FloatVector.zero(F);
    FloatVector b = a;
    FloatVector c = a;
    FloatVector d = a;
    for (int k = 0; k < bound; k += lanes) {
      FloatVector wv = widen(w, base + 2L * k);
      a = wv.fma(FloatVector.fromMemorySegment(F, x, 4 * (xa + k), LE), a);
      b = wv.fma(FloatVector.fromMemorySegment(F, x, 4 * (xb + k), LE), b);
      c = wv.fma(FloatVector.fromMemorySegment(F, x, 4 * (xc + k), LE), c);
      d = wv.fma(FloatVector.fromMemorySegment(F, x, 4 * (xd + k), LE), d);
    }
    finish(a, b, c, d, bound, in, w, base, true, x, xa, xb, xc, xd, dots);
  }

  /** Lane sums plus the scalar tail past the last whole vector. */
  private static void finish(FloatVector a, FloatVector b, FloatVector c, FloatVector d, int bound, int in,
      MemorySegment w, long base, boolean bf16, MemorySegment x, long xa, long xb, long xc, long xd, float[] dots) {
    float sa = a.reduceLanes(VectorOperators.ADD);
    float sb = b.reduceLanes(VectorOperators.ADD);
    float sc = c.reduceLanes(VectorOperators.ADD);
    float sd = d.reduceLanes(VectorOperators.ADD);
    for (int k = bound; k < in; k++) {
      float wk = bf16 ? bf16At(w, base / 2 + k) : w.get(FLOAT, base + 4L * k);
      sa += wk * x.getAtIndex(FLOAT, xa + k);
      sb += wk * x.getAtIndex(FLOAT, xb + k);
      sc += wk * x.getAtIndex(FLOAT, xc + k);
      sd += wk * x.getAtIndex(FLOAT, xd + k);
    }
    dots[0] = sa;
    dots[1] = sb;
    dots[2] = sc;
    dots[3] = sd;
  }

  /**
   * One activation row, four accumulators deep so that consecutive fused multiply-adds do not wait on
   * each other.
   *
   * @param x (in) fp32
   * @param y (out) fp32, written
   */
  static void row(MemorySegment w, boolean bf16, int in, MemorySegment x, MemorySegment bias, MemorySegment y,
      int from, int to) {
    int lanes = F.length();
    int bound4 = in - in % (4 * lanes);
    int bound = F.loopBound(in);
    long rowBytes = (long) in * (bf16 ? 2 : 4);
    for (int r = from; r < to; r++) {
      long base = r * rowBytes;
      FloatVector a0 = FloatVector.zero(F);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      int k = 0;
      if (bf16) {
        for (; k < bound4; k += 4 * lanes) {
          a0 = widen(w, base + 2L * k).fma(xAt(x, k), a0);
          a1 = widen(w, base + 2L * (k + lanes)).fma(xAt(x, k + lanes), a1);
          a2 = widen(w, base + 2L * (k + 2 * lanes)).fma(xAt(x, k + 2 * lanes), a2);
          a3 = widen(w, base + 2L * (k + 3 * lanes)).fma(xAt(x, k + 3 * lanes), a3);
        }
        for (; k < bound; k += lanes) {
          a0 = widen(w, base + 2L * k).fma(xAt(x, k), a0);
        }
      } else {
        for (; k < bound4; k += 4 * lanes) {
          a0 = FloatVector.fromMemorySegment(F, w, base + 4L * k, LE).fma(xAt(x, k), a0);
          a1 = FloatVector.fromMemorySegment(F, w, base + 4L * (k + lanes), LE).fma(xAt(x, k + lanes), a1);
          a2 = FloatVector.fromMemorySegment(F, w, base + 4L * (k + 2 * lanes), LE).fma(xAt(x, k + 2 * lanes), a2);
          a3 = FloatVector.fromMemorySegment(F, w, base + 4L * (k + 3 * lanes), LE).fma(xAt(x, k + 3 * lanes), a3);
        }
        for (; k < bound; k += lanes) {
          a0 = FloatVector.fromMemorySegment(F, w, base + 4L * k, LE).fma(xAt(x, k), a0);
        }
      }
      float sum = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
      for (; k < in; k++) {
        sum += (bf16 ? bf16At(w, base / 2 + k) : w.get(FLOAT, base + 4L * k)) * x.getAtIndex(FLOAT, k);
      }
      float bv = bias == null ? 0f : bf16 ? bf16At(bias, r) : bias.getAtIndex(FLOAT, r);
      y.setAtIndex(FLOAT, r, sum + bv);
    }
  }

  private static FloatVector xAt(MemorySegment x, int k) {
    return FloatVector.fromMemorySegment(F, x, 4L * k, LE);
  }

  /** {@code F.length()} bf16 values at {@code offset} as fp32: each short becomes the upper half of a float. */
  private static FloatVector widen(MemorySegment w, long offset) {
    ShortVector s = ShortVector.fromMemorySegment(S, w, offset, LE);
    return ((IntVector) s.convertShape(VectorOperators.S2I, I, 0))
        .lanewise(VectorOperators.LSHL, 16)
        .reinterpretAsFloats();
  }

  private static float bf16At(MemorySegment s, long index) {
    return Float.intBitsToFloat((s.getAtIndex(SHORT, index) & 0xFFFF) << 16);
  }
}
