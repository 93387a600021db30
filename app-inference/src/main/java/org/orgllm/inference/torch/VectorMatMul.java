package org.orgllm.inference.torch;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
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
    MemorySegment xd = bf16 ? deinterleaved(x, rows, in) : null;
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
        long xd4 = (long) (g + Math.min(3, n - 1)) * in;
        if (bf16) {
          dot4Bf16(w, base, in, x, xd, xa, xb, xc, xd4, dots);
        } else {
          dot4(w, base, in, x, xa, xb, xc, xd4, dots);
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

  /**
   * As {@link #dot4} for a bf16 weight row, widened in registers as in {@link #row4Bf16}; {@code xd}
   * holds the activation rows de-interleaved, at the same offsets as in x.
   */
  private static void dot4Bf16(MemorySegment w, long base, int in, MemorySegment x, MemorySegment xd, long xa,
      long xb, long xc, long xd4, float[] dots) {
    int pair = 2 * F.length();
    int half = F.length();
    int bound = in - in % pair;
    FloatVector a = FloatVector.zero(F);
    FloatVector b = a;
    FloatVector c = a;
    FloatVector d = a;
    for (int k = 0; k < bound; k += pair) {
      IntVector v = IntVector.fromMemorySegment(I, w, base + 2L * k, LE);
      FloatVector e = even(v);
      FloatVector o = odd(v);
      a = o.fma(xAt(xd, xa + k + half), e.fma(xAt(xd, xa + k), a));
      b = o.fma(xAt(xd, xb + k + half), e.fma(xAt(xd, xb + k), b));
      c = o.fma(xAt(xd, xc + k + half), e.fma(xAt(xd, xc + k), c));
      d = o.fma(xAt(xd, xd4 + k + half), e.fma(xAt(xd, xd4 + k), d));
    }
    finish(a, b, c, d, bound, in, w, base, true, x, xa, xb, xc, xd4, dots);
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
   * One activation row. Four weight rows a quarter of the range apart are read together: four
   * independent memory streams keep more loads in flight than one row at a time or four adjacent
   * rows (a standalone loop over 1.2 GB of bf16 weights, two threads: 10-12 GB/s one row at a time,
   * 17-20 adjacent rows, 20-24 a quarter apart, on the Xeon of November 26; docs/performance.md).
   *
   * @param x (in) fp32
   * @param y (out) fp32, written
   */
  static void row(MemorySegment w, boolean bf16, int in, MemorySegment x, MemorySegment bias, MemorySegment y,
      int from, int to) {
    int quarter = (to - from) / 4;
    if (bf16) {
      MemorySegment xd = deinterleaved(x, in);
      row4Bf16(w, in, x, xd, y, from, quarter);
      for (int r = from + 4 * quarter; r < to; r++) {
        y.setAtIndex(FLOAT, r, dotBf16(w, (long) r * in * 2, in, x, xd));
      }
    } else {
      row4(w, in, x, y, from, quarter);
      for (int r = from + 4 * quarter; r < to; r++) {
        y.setAtIndex(FLOAT, r, dot(w, (long) r * in * 4, in, x));
      }
    }
    if (bias != null) {
      for (int r = from; r < to; r++) {
        y.setAtIndex(FLOAT, r, y.getAtIndex(FLOAT, r) + (bf16 ? bf16At(bias, r) : bias.getAtIndex(FLOAT, r)));
      }
    }
  }

  /** Rows {@code from + i}, {@code + q}, {@code + 2q}, {@code + 3q} for i in [0, q) of fp32 weights. */
  private static void row4(MemorySegment w, int in, MemorySegment x, MemorySegment y, int from, int q) {
    int lanes = F.length();
    int bound = F.loopBound(in);
    long rowBytes = 4L * in;
    long qBytes = q * rowBytes;
    for (int r = from; r < from + q; r++) {
      long b = r * rowBytes;
      FloatVector a0 = FloatVector.zero(F);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      for (int k = 0; k < bound; k += lanes) {
        FloatVector xv = xAt(x, k);
        long o = b + 4L * k;
        a0 = FloatVector.fromMemorySegment(F, w, o, LE).fma(xv, a0);
        a1 = FloatVector.fromMemorySegment(F, w, o + qBytes, LE).fma(xv, a1);
        a2 = FloatVector.fromMemorySegment(F, w, o + 2 * qBytes, LE).fma(xv, a2);
        a3 = FloatVector.fromMemorySegment(F, w, o + 3 * qBytes, LE).fma(xv, a3);
      }
      y.setAtIndex(FLOAT, r, a0.reduceLanes(VectorOperators.ADD) + tail(w, false, b, bound, in, x));
      y.setAtIndex(FLOAT, r + q, a1.reduceLanes(VectorOperators.ADD) + tail(w, false, b + qBytes, bound, in, x));
      y.setAtIndex(FLOAT, r + 2L * q, a2.reduceLanes(VectorOperators.ADD) + tail(w, false, b + 2 * qBytes, bound, in, x));
      y.setAtIndex(FLOAT, r + 3L * q, a3.reduceLanes(VectorOperators.ADD) + tail(w, false, b + 3 * qBytes, bound, in, x));
    }
  }

  /**
   * As {@link #row4} for bf16 weights. A vector of ints holds pairs of bf16 values; shifting each int
   * left by 16 gives the even elements as floats and masking off its low half the odd ones, so the
   * widening costs two single-cycle lane operations instead of a cross-lane conversion (which ran at
   * half the speed even from cache). The activations come de-interleaved to match ({@link
   * #deinterleaved}); the order of a dot product's terms does not matter.
   */
  private static void row4Bf16(MemorySegment w, int in, MemorySegment x, MemorySegment xd, MemorySegment y,
      int from, int q) {
    int pair = 2 * F.length(); // bf16 values per int vector
    int bound = in - in % pair;
    long rowBytes = 2L * in;
    long qBytes = q * rowBytes;
    for (int r = from; r < from + q; r++) {
      long b = r * rowBytes;
      FloatVector a0 = FloatVector.zero(F);
      FloatVector a1 = a0;
      FloatVector a2 = a0;
      FloatVector a3 = a0;
      for (int k = 0; k < bound; k += pair) {
        FloatVector xe = xAt(xd, k);
        FloatVector xo = xAt(xd, k + pair / 2);
        long o = b + 2L * k;
        IntVector v0 = IntVector.fromMemorySegment(I, w, o, LE);
        IntVector v1 = IntVector.fromMemorySegment(I, w, o + qBytes, LE);
        IntVector v2 = IntVector.fromMemorySegment(I, w, o + 2 * qBytes, LE);
        IntVector v3 = IntVector.fromMemorySegment(I, w, o + 3 * qBytes, LE);
        a0 = even(v0).fma(xe, a0);
        a0 = odd(v0).fma(xo, a0);
        a1 = even(v1).fma(xe, a1);
        a1 = odd(v1).fma(xo, a1);
        a2 = even(v2).fma(xe, a2);
        a2 = odd(v2).fma(xo, a2);
        a3 = even(v3).fma(xe, a3);
        a3 = odd(v3).fma(xo, a3);
      }
      y.setAtIndex(FLOAT, r, a0.reduceLanes(VectorOperators.ADD) + tail(w, true, b, bound, in, x));
      y.setAtIndex(FLOAT, r + q, a1.reduceLanes(VectorOperators.ADD) + tail(w, true, b + qBytes, bound, in, x));
      y.setAtIndex(FLOAT, r + 2L * q, a2.reduceLanes(VectorOperators.ADD) + tail(w, true, b + 2 * qBytes, bound, in, x));
      y.setAtIndex(FLOAT, r + 3L * q, a3.reduceLanes(VectorOperators.ADD) + tail(w, true, b + 3 * qBytes, bound, in, x));
    }
  }

  /** Elements {@code [bound, in)} of the weight row at byte offset {@code base} times x. */
  private static float tail(MemorySegment w, boolean bf16, long base, int bound, int in, MemorySegment x) {
    float sum = 0f;
    for (int k = bound; k < in; k++) {
      sum += (bf16 ? bf16At(w, base / 2 + k) : w.get(FLOAT, base + 4L * k)) * x.getAtIndex(FLOAT, k);
    }
    return sum;
  }

  /** One fp32 weight row at byte offset {@code base} times x. */
  private static float dot(MemorySegment w, long base, int in, MemorySegment x) {
    int lanes = F.length();
    int bound = F.loopBound(in);
    FloatVector a = FloatVector.zero(F);
    for (int k = 0; k < bound; k += lanes) {
      a = FloatVector.fromMemorySegment(F, w, base + 4L * k, LE).fma(xAt(x, k), a);
    }
    float sum = a.reduceLanes(VectorOperators.ADD);
    for (int k = bound; k < in; k++) {
      sum += w.get(FLOAT, base + 4L * k) * x.getAtIndex(FLOAT, k);
    }
    return sum;
  }

  /** One bf16 weight row at byte offset {@code base} times x ({@code xd}: x de-interleaved). */
  private static float dotBf16(MemorySegment w, long base, int in, MemorySegment x, MemorySegment xd) {
    int pair = 2 * F.length();
    int bound = in - in % pair;
    FloatVector a = FloatVector.zero(F);
    for (int k = 0; k < bound; k += pair) {
      IntVector v = IntVector.fromMemorySegment(I, w, base + 2L * k, LE);
      a = even(v).fma(xAt(xd, k), a);
      a = odd(v).fma(xAt(xd, k + pair / 2), a);
    }
    float sum = a.reduceLanes(VectorOperators.ADD);
    for (int k = bound; k < in; k++) {
      sum += bf16At(w, base / 2 + k) * x.getAtIndex(FLOAT, k);
    }
    return sum;
  }

  private static final IntVector HIGH_HALVES = IntVector.broadcast(I, 0xFFFF0000);

  private static FloatVector even(IntVector pairs) {
    return pairs.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
  }

  private static FloatVector odd(IntVector pairs) {
    return pairs.and(HIGH_HALVES).reinterpretAsFloats();
  }

  /** Per-thread scratch for de-interleaved activations, grown as needed. */
  private static final ThreadLocal<MemorySegment[]> SCRATCH = ThreadLocal.withInitial(() -> new MemorySegment[1]);

  /**
   * x with each block of {@code 2L} values (L = float lanes) reordered as its L even-indexed values,
   * then its L odd-indexed ones, matching {@link #even} / {@link #odd}; a partial last block is left
   * out (the kernels take the tail from x).
   */
  private static MemorySegment deinterleaved(MemorySegment x, int in) {
    return deinterleaved(x, 1, in);
  }

  /** {@link #deinterleaved(MemorySegment, int)} for each of {@code rows} rows of x, at x's offsets. */
  private static MemorySegment deinterleaved(MemorySegment x, int rows, int in) {
    long bytes = 4L * rows * in;
    MemorySegment[] slot = SCRATCH.get();
    if (slot[0] == null || slot[0].byteSize() < bytes) {
      slot[0] = Arena.ofAuto().allocate(Math.max(bytes, 4096), 64);
    }
    MemorySegment xd = slot[0];
    int half = F.length();
    int bound = in - in % (2 * half);
    for (long row = 0; row < (long) rows * in; row += in) {
      for (long b = row; b < row + bound; b += 2 * half) {
        for (int i = 0; i < half; i++) {
          xd.setAtIndex(FLOAT, b + i, x.getAtIndex(FLOAT, b + 2L * i));
          xd.setAtIndex(FLOAT, b + half + i, x.getAtIndex(FLOAT, b + 2L * i + 1));
        }
      }
    }
    return xd;
  }

  private static FloatVector xAt(MemorySegment x, long k) {
    return FloatVector.fromMemorySegment(F, x, 4L * k, LE);
  }

  private static float bf16At(MemorySegment s, long index) {
    return Float.intBitsToFloat((s.getAtIndex(SHORT, index) & 0xFFFF) << 16);
  }
}
