package org.orgllm.inference.torch;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.bytedeco.pytorch.Tensor;

/**
 * The Java Vector API kernels of a fused decode step (see {@code model.FusedDecode}): projections of
 * a few activation rows over any range of output features and of input features (a tensor-parallel
 * share), and one query head's attention over a KV cache. They read weights, activations and caches
 * as memory segments, so a decode step makes no libtorch call per layer. Only loaded when {@link
 * SimdKernels#available()}.
 *
 * <p>Weights are fp32 or bf16, read as held, and the math is fp32. A bf16 value is the upper half of
 * an fp32 one: a vector of ints holds pairs of bf16 values, shifting each int left by 16 gives the
 * even elements as floats and masking off its low half the odd ones, so widening costs two
 * single-cycle lane operations (a cross-lane short-to-int conversion ran at half the speed even from
 * cache); the activations are de-interleaved to match, as the order of a dot product's terms does not
 * matter. DRAM sees only the bf16 bytes, which the bundled OpenBLAS cannot offer (it has no bf16
 * GEMV).
 *
 * <p>One activation row reads four weight rows a quarter of the range apart at once: four
 * independent memory streams keep more loads in flight (a standalone loop over 1.2 GB of bf16
 * weights on two threads: 10-12 GB/s one row at a time, 17-20 four adjacent rows, 20-24 a quarter
 * apart, on the Xeon of November 26; docs/performance.md). Several activation rows read each weight
 * row once for up to four of them. Activations are read as memory segments: with Java arrays the
 * bounds checks stayed in the loop (9-11 against 15-18 GB/s for four rows).
 */
public final class DecodeKernels {

  private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE);
  private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);
  private static final IntVector HIGH_HALVES = IntVector.broadcast(I, 0xFFFF0000);
  private static final int LANES = F.length();
  private static final int PAIR = 2 * LANES; // bf16 values per int vector

  /** Per-thread scratch for de-interleaved activations. */
  private static final ThreadLocal<MemorySegment[]> SCRATCH = ThreadLocal.withInitial(() -> new MemorySegment[1]);

  private DecodeKernels() {}

  /** The tensor's memory (CPU, contiguous) as a segment of its byte size. */
  public static MemorySegment segment(Tensor t) {
    return MemorySegment.ofAddress(t.data_ptr().address()).reinterpret(t.nbytes());
  }

  /** A zeroed native buffer of {@code floats} fp32 values, usable from any thread, freed by the GC. */
  public static MemorySegment floats(long floats) {
    return Arena.ofAuto().allocate(Math.max(4, 4 * floats), 64);
  }

  /**
   * Activations as {@link #project} reads them: row r's element {@code kFrom + j} at {@code x[first +
   * r * step + j]}, de-interleaved for bf16 weights.
   */
  public record Activations(MemorySegment x, long first, long step, int kFrom, int len, boolean bf16) {}

  /**
   * Elements [kFrom, kTo) of {@code rows} activation rows ({@code x[r * xStride + k]}) for weights of
   * the given dtype: as they are for fp32, de-interleaved into the calling thread's scratch for bf16
   * (valid until the thread prepares bf16 activations again). Prepare once, project many times.
   */
  public static Activations activations(MemorySegment x, long xStride, int kFrom, int kTo, int rows, boolean bf16) {
    int len = kTo - kFrom;
    return bf16
        ? new Activations(deinterleave(x, xStride, kFrom, len, rows), 0, len, kFrom, len, true)
        : new Activations(x, kFrom, xStride, kFrom, len, false);
  }

  /**
   * A share of {@code y = x W^T}: for activation rows {@code r < rows} and output features {@code o}
   * in {@code [outFrom, outTo)}, {@code y[r * yStride + o - yShift] = sum over k in [kFrom, kTo) of
   * W[o, k] * x[r * xStride + k]}. A range of k is a tensor-parallel share of the input features,
   * whose partial sums the caller adds up.
   *
   * @param w (out, in) row-major, fp32 or bf16 ({@code bf16})
   * @param in the weight's row length (input features)
   * @param x fp32 activations
   * @param y fp32 output, written (not accumulated)
   */
  public static void project(MemorySegment w, boolean bf16, int in, int kFrom, int kTo, MemorySegment x,
      long xStride, int rows, int outFrom, int outTo, MemorySegment y, long yStride, long yShift) {
    project(w, in, activations(x, xStride, kFrom, kTo, rows, bf16), rows, outFrom, outTo, y, yStride, yShift);
  }

  /** {@link #project} with prepared activations (their dtype flag says how the weights are held). */
  public static void project(MemorySegment w, int in, Activations a, int rows, int outFrom, int outTo,
      MemorySegment y, long yStride, long yShift) {
    boolean bf16 = a.bf16();
    int len = a.len();
    MemorySegment xs = a.x();
    long xStep = a.step();
    long xFirst = a.first();
    long rowBytes = (long) in * (bf16 ? 2 : 4);
    long colBytes = (long) a.kFrom() * (bf16 ? 2 : 4);
    if (rows == 1) {
      int quarter = (outTo - outFrom) / 4;
      long qBytes = quarter * rowBytes;
      for (int o = outFrom; o < outFrom + quarter; o++) {
        long wo = o * rowBytes + colBytes;
        long yo = o - yShift;
        if (bf16) {
          far4Bf16(w, wo, qBytes, xs, xFirst, len, y, yo, quarter);
        } else {
          far4(w, wo, qBytes, xs, xFirst, len, y, yo, quarter);
        }
      }
      for (int o = outFrom + 4 * quarter; o < outTo; o++) {
        long wo = o * rowBytes + colBytes;
        y.setAtIndex(FLOAT, o - yShift, bf16 ? dotBf16(w, wo, xs, xFirst, len) : dot(w, wo, xs, xFirst, len));
      }
      return;
    }
    // Several rows against fp32 weights: blocks of two weight rows times four activation rows, so each
    // loaded vector feeds two to four fused multiply-adds (one weight row per group of rows loaded
    // five vectors per four: 22-24 against 32-33 GMAC/s for 8 rows, one thread). Blocks of four
    // weight rows, and any block for bf16, made C2 fall off its fast path (4-8 GMAC/s).
    int o = outFrom;
    for (; o + 2 <= outTo && !bf16; o += 2) {
      long wo = o * rowBytes + colBytes;
      for (int g = 0; g < rows; g += 4) {
        int n = Math.min(4, rows - g);
        long[] xr = group(xFirst, xStep, g, n);
        block2(w, wo, rowBytes, len, xs, xr[0], xr[1], xr[2], xr[3], y, g * yStride + o - yShift, yStride, n);
      }
    }
    for (; o < outTo; o++) {
      long wo = o * rowBytes + colBytes;
      for (int g = 0; g < rows; g += 4) {
        int n = Math.min(4, rows - g);
        long[] xr = group(xFirst, xStep, g, n);
        long yo = g * yStride + o - yShift;
        if (bf16) {
          dot4Bf16(w, wo, len, xs, xr[0], xr[1], xr[2], xr[3], y, yo, yStride, n);
        } else {
          dot4(w, wo, len, xs, xr[0], xr[1], xr[2], xr[3], y, yo, yStride, n);
        }
      }
    }
  }

  /** Offsets of activation rows g..g+3; missing rows of a short last group repeat row g (their sums are dropped). */
  private static long[] group(long xFirst, long xStep, int g, int n) {
    return new long[] {xFirst + g * xStep, xFirst + (g + Math.min(1, n - 1)) * xStep,
        xFirst + (g + Math.min(2, n - 1)) * xStep, xFirst + (g + Math.min(3, n - 1)) * xStep};
  }


  /** Two adjacent fp32 weight rows (from byte offset wo) times four activation rows. */
  private static void block2(MemorySegment w, long wo, long rowBytes, int len, MemorySegment x, long xa, long xb,
      long xc, long xd, MemorySegment y, long yo, long yStride, int n) {
    int bound = len - len % LANES;
    FloatVector a00 = FloatVector.zero(F);
    FloatVector a01 = a00;
    FloatVector a02 = a00;
    FloatVector a03 = a00;
    FloatVector a10 = a00;
    FloatVector a11 = a00;
    FloatVector a12 = a00;
    FloatVector a13 = a00;
    for (int k = 0; k < bound; k += LANES) {
      FloatVector x0 = at(x, xa + k);
      FloatVector x1 = at(x, xb + k);
      FloatVector x2 = at(x, xc + k);
      FloatVector x3 = at(x, xd + k);
      long off = wo + 4L * k;
      FloatVector w0 = FloatVector.fromMemorySegment(F, w, off, LE);
      FloatVector w1 = FloatVector.fromMemorySegment(F, w, off + rowBytes, LE);
      a00 = w0.fma(x0, a00);
      a01 = w0.fma(x1, a01);
      a02 = w0.fma(x2, a02);
      a03 = w0.fma(x3, a03);
      a10 = w1.fma(x0, a10);
      a11 = w1.fma(x1, a11);
      a12 = w1.fma(x2, a12);
      a13 = w1.fma(x3, a13);
    }
    store4(a00.reduceLanes(VectorOperators.ADD), a01.reduceLanes(VectorOperators.ADD),
        a02.reduceLanes(VectorOperators.ADD), a03.reduceLanes(VectorOperators.ADD), w, false, wo, 0, bound, len, x, xa,
        xb, xc, xd, y, yo, yStride, n);
    store4(a10.reduceLanes(VectorOperators.ADD), a11.reduceLanes(VectorOperators.ADD),
        a12.reduceLanes(VectorOperators.ADD), a13.reduceLanes(VectorOperators.ADD), w, false, wo + rowBytes, 0, bound,
        len, x, xa, xb, xc, xd, y, yo + 1, yStride, n);
  }



  /** Rows at byte offsets wo, +q, +2q, +3q (q = qBytes) times x; sums to y[yo + i * quarter]. */
  private static void far4(MemorySegment w, long wo, long q, MemorySegment x, long xo, int len, MemorySegment y,
      long yo, int quarter) {
    int bound = len - len % LANES;
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    for (int k = 0; k < bound; k += LANES) {
      FloatVector xv = at(x, xo + k);
      long o = wo + 4L * k;
      a0 = FloatVector.fromMemorySegment(F, w, o, LE).fma(xv, a0);
      a1 = FloatVector.fromMemorySegment(F, w, o + q, LE).fma(xv, a1);
      a2 = FloatVector.fromMemorySegment(F, w, o + 2 * q, LE).fma(xv, a2);
      a3 = FloatVector.fromMemorySegment(F, w, o + 3 * q, LE).fma(xv, a3);
    }
    store4(a0.reduceLanes(VectorOperators.ADD), a1.reduceLanes(VectorOperators.ADD),
        a2.reduceLanes(VectorOperators.ADD), a3.reduceLanes(VectorOperators.ADD), w, false, wo, q, bound, len, x,
        xo, xo, xo, xo, y, yo, quarter, 4);
  }

  /** {@link #far4} for bf16 rows; x is de-interleaved. */
  private static void far4Bf16(MemorySegment w, long wo, long q, MemorySegment x, long xo, int len,
      MemorySegment y, long yo, int quarter) {
    int bound = len - len % PAIR;
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    for (int k = 0; k < bound; k += PAIR) {
      FloatVector xe = at(x, xo + k);
      FloatVector xodd = at(x, xo + k + LANES);
      long o = wo + 2L * k;
      IntVector v0 = IntVector.fromMemorySegment(I, w, o, LE);
      IntVector v1 = IntVector.fromMemorySegment(I, w, o + q, LE);
      IntVector v2 = IntVector.fromMemorySegment(I, w, o + 2 * q, LE);
      IntVector v3 = IntVector.fromMemorySegment(I, w, o + 3 * q, LE);
      a0 = odd(v0).fma(xodd, even(v0).fma(xe, a0));
      a1 = odd(v1).fma(xodd, even(v1).fma(xe, a1));
      a2 = odd(v2).fma(xodd, even(v2).fma(xe, a2));
      a3 = odd(v3).fma(xodd, even(v3).fma(xe, a3));
    }
    store4(a0.reduceLanes(VectorOperators.ADD), a1.reduceLanes(VectorOperators.ADD),
        a2.reduceLanes(VectorOperators.ADD), a3.reduceLanes(VectorOperators.ADD), w, true, wo, q, bound, len, x,
        xo, xo, xo, xo, y, yo, quarter, 4);
  }

  /** One weight row at byte offset wo times x[xo ..]. */
  private static float dot(MemorySegment w, long wo, MemorySegment x, long xo, int len) {
    int bound = len - len % LANES;
    FloatVector a = FloatVector.zero(F);
    for (int k = 0; k < bound; k += LANES) {
      a = FloatVector.fromMemorySegment(F, w, wo + 4L * k, LE).fma(at(x, xo + k), a);
    }
    return a.reduceLanes(VectorOperators.ADD) + tail(w, false, wo, bound, len, x, xo);
  }

  /** {@link #dot} for a bf16 row; x is de-interleaved. */
  private static float dotBf16(MemorySegment w, long wo, MemorySegment x, long xo, int len) {
    int bound = len - len % PAIR;
    FloatVector a = FloatVector.zero(F);
    for (int k = 0; k < bound; k += PAIR) {
      IntVector v = IntVector.fromMemorySegment(I, w, wo + 2L * k, LE);
      a = odd(v).fma(at(x, xo + k + LANES), even(v).fma(at(x, xo + k), a));
    }
    return a.reduceLanes(VectorOperators.ADD) + tail(w, true, wo, bound, len, x, xo);
  }

  /** One weight row times up to four activation rows; n sums go to y[yo + i * yStride]. */
  private static void dot4(MemorySegment w, long wo, int len, MemorySegment x, long xa, long xb, long xc, long xd,
      MemorySegment y, long yo, long yStride, int n) {
    int bound = len - len % LANES;
    FloatVector a = FloatVector.zero(F);
    FloatVector b = a;
    FloatVector c = a;
    FloatVector d = a;
    for (int k = 0; k < bound; k += LANES) {
      FloatVector wv = FloatVector.fromMemorySegment(F, w, wo + 4L * k, LE);
      a = wv.fma(at(x, xa + k), a);
      b = wv.fma(at(x, xb + k), b);
      c = wv.fma(at(x, xc + k), c);
      d = wv.fma(at(x, xd + k), d);
    }
    store4(a.reduceLanes(VectorOperators.ADD), b.reduceLanes(VectorOperators.ADD), c.reduceLanes(VectorOperators.ADD),
        d.reduceLanes(VectorOperators.ADD), w, false, wo, 0, bound, len, x, xa, xb, xc, xd, y, yo, yStride, n);
  }

  /** {@link #dot4} for a bf16 row; x is de-interleaved. */
  private static void dot4Bf16(MemorySegment w, long wo, int len, MemorySegment x, long xa, long xb, long xc,
      long xd, MemorySegment y, long yo, long yStride, int n) {
    int bound = len - len % PAIR;
    FloatVector a = FloatVector.zero(F);
    FloatVector b = a;
    FloatVector c = a;
    FloatVector d = a;
    for (int k = 0; k < bound; k += PAIR) {
      IntVector v = IntVector.fromMemorySegment(I, w, wo + 2L * k, LE);
      FloatVector e = even(v);
      FloatVector o = odd(v);
      a = o.fma(at(x, xa + k + LANES), e.fma(at(x, xa + k), a));
      b = o.fma(at(x, xb + k + LANES), e.fma(at(x, xb + k), b));
      c = o.fma(at(x, xc + k + LANES), e.fma(at(x, xc + k), c));
      d = o.fma(at(x, xd + k + LANES), e.fma(at(x, xd + k), d));
    }
    store4(a.reduceLanes(VectorOperators.ADD), b.reduceLanes(VectorOperators.ADD), c.reduceLanes(VectorOperators.ADD),
        d.reduceLanes(VectorOperators.ADD), w, true, wo, 0, bound, len, x, xa, xb, xc, xd, y, yo, yStride, n);
  }

  /**
   * Stores up to four sums, each plus its row's scalar tail: sum i belongs to the weight row at byte
   * offset {@code wo + i * wStep} (0: one weight row for four activation rows) and the activations at
   * {@code x*}, and goes to {@code y[yo + i * yStep]}. Takes the lanes already reduced, so no vector
   * has to be boxed for the call.
   */
  private static void store4(float a, float b, float c, float d, MemorySegment w, boolean bf16, long wo, long wStep,
      int bound, int len, MemorySegment x, long xa, long xb, long xc, long xd, MemorySegment y, long yo, long yStep,
      int n) {
    y.setAtIndex(FLOAT, yo, a + tail(w, bf16, wo, bound, len, x, xa));
    if (n > 1) {
      y.setAtIndex(FLOAT, yo + yStep, b + tail(w, bf16, wo + wStep, bound, len, x, xb));
    }
    if (n > 2) {
      y.setAtIndex(FLOAT, yo + 2 * yStep, c + tail(w, bf16, wo + 2 * wStep, bound, len, x, xc));
    }
    if (n > 3) {
      y.setAtIndex(FLOAT, yo + 3 * yStep, d + tail(w, bf16, wo + 3 * wStep, bound, len, x, xd));
    }
  }

  /** Elements [bound, len) of the weight row at byte offset wo times x[xo + k] (the tail is never reordered). */
  private static float tail(MemorySegment w, boolean bf16, long wo, int bound, int len, MemorySegment x, long xo) {
    float sum = 0f;
    for (int k = bound; k < len; k++) {
      float wk = bf16 ? bf16At(w, wo / 2 + k) : w.get(FLOAT, wo + 4L * k);
      sum += wk * x.getAtIndex(FLOAT, xo + k);
    }
    return sum;
  }

  /**
   * Elements [kFrom, kFrom + len) of each activation row, rows packed at stride len, each whole block
   * of {@code 2L} values reordered as its even-indexed then its odd-indexed values (L = float lanes),
   * to match {@link #even} / {@link #odd}; the tail past the last whole block keeps its order.
   */
  private static MemorySegment deinterleave(MemorySegment x, long xStride, int kFrom, int len, int rows) {
    long bytes = 4L * rows * len;
    MemorySegment[] slot = SCRATCH.get();
    if (slot[0] == null || slot[0].byteSize() < bytes) {
      slot[0] = floats(Math.max((long) rows * len, 4096));
    }
    MemorySegment xd = slot[0];
    int bound = len - len % PAIR;
    for (int r = 0; r < rows; r++) {
      long src = r * xStride + kFrom;
      long dst = (long) r * len;
      for (int b = 0; b < bound; b += PAIR) {
        for (int i = 0; i < LANES; i++) {
          xd.setAtIndex(FLOAT, dst + b + i, x.getAtIndex(FLOAT, src + b + 2L * i));
          xd.setAtIndex(FLOAT, dst + b + LANES + i, x.getAtIndex(FLOAT, src + b + 2L * i + 1));
        }
      }
      for (int k = bound; k < len; k++) {
        xd.setAtIndex(FLOAT, dst + k, x.getAtIndex(FLOAT, src + k));
      }
    }
    return xd;
  }

  /**
   * One query head attending to cached positions {@code [from, to)} of its KV head: {@code out =
   * softmax(q . k_j * scale) v_j}, softmax in fp32 with the maximum subtracted.
   *
   * @param q the query, headDim floats from element {@code qo}
   * @param keys cache positions of this KV head, position j's key at element {@code kvo + j * headDim}
   * @param values as keys
   * @param scores scratch of at least {@code to} floats
   * @param out headDim floats written from element {@code oo}
   */
  public static void attend(MemorySegment q, long qo, MemorySegment keys, MemorySegment values, long kvo,
      int from, int to, int headDim, float scale, float[] scores, MemorySegment out, long oo) {
    int bound = headDim - headDim % LANES;
    float max = Float.NEGATIVE_INFINITY;
    for (int j = from; j < to; j++) {
      long ko = kvo + (long) j * headDim;
      FloatVector a = FloatVector.zero(F);
      for (int d = 0; d < bound; d += LANES) {
        a = at(q, qo + d).fma(at(keys, ko + d), a);
      }
      float s = a.reduceLanes(VectorOperators.ADD);
      for (int d = bound; d < headDim; d++) {
        s += q.getAtIndex(FLOAT, qo + d) * keys.getAtIndex(FLOAT, ko + d);
      }
      s *= scale;
      scores[j] = s;
      max = Math.max(max, s);
    }
    float sum = 0f;
    for (int j = from; j < to; j++) {
      float e = (float) Math.exp(scores[j] - max);
      scores[j] = e;
      sum += e;
    }
    for (int j = from; j < to; j++) {
      scores[j] /= sum;
    }
    for (int d = 0; d < bound; d += LANES) {
      FloatVector acc = FloatVector.zero(F);
      for (int j = from; j < to; j++) {
        acc = at(values, kvo + (long) j * headDim + d).fma(FloatVector.broadcast(F, scores[j]), acc);
      }
      acc.intoMemorySegment(out, 4L * (oo + d), LE);
    }
    for (int d = bound; d < headDim; d++) {
      float acc = 0f;
      for (int j = from; j < to; j++) {
        acc += scores[j] * values.getAtIndex(FLOAT, kvo + (long) j * headDim + d);
      }
      out.setAtIndex(FLOAT, oo + d, acc);
    }
  }

  /**
   * Rows [from, to) of a small fp32 matrix times a vector: {@code out[f - from] = m[f, :] . v}, for
   * LoRA's up-projection {@code B (A x)} (m is B, cols the rank). A method of its own, not {@link
   * #project}: the JIT compiles each method for the shapes it has seen, and rank-long rows (a rank-1
   * adapter never enters a vector loop) once made it compile {@code project} for them, after which
   * eight-row steps ran seven times slower (the engine's warm-up with a rank-1 adapter).
   */
  public static void times(MemorySegment m, int cols, MemorySegment v, int from, int to, MemorySegment out) {
    int bound = cols - cols % LANES;
    for (int f = from; f < to; f++) {
      long row = (long) f * cols;
      float sum = 0f;
      if (bound > 0) {
        FloatVector a = FloatVector.zero(F);
        for (int j = 0; j < bound; j += LANES) {
          a = at(m, row + j).fma(at(v, j), a);
        }
        sum = a.reduceLanes(VectorOperators.ADD);
      }
      for (int j = bound; j < cols; j++) {
        sum += m.getAtIndex(FLOAT, row + j) * v.getAtIndex(FLOAT, j);
      }
      out.setAtIndex(FLOAT, f - from, sum);
    }
  }

  /**
   * SwiGLU's gating in place: {@code gate[i] = silu(gate[i]) * up[i]} for i in [from, to), with
   * {@code silu(g) = g / (1 + exp(-g))}; vector exp instead of one scalar {@code Math.exp} per
   * element (2,432 per thread and layer on the 0.5B-shaped model).
   */
  public static void swiglu(MemorySegment gate, MemorySegment up, long from, long to) {
    long i = from;
    for (; i + LANES <= to; i += LANES) {
      FloatVector g = at(gate, i);
      FloatVector silu = g.div(g.neg().lanewise(VectorOperators.EXP).add(1f));
      silu.mul(at(up, i)).intoMemorySegment(gate, 4 * i, LE);
    }
    for (; i < to; i++) {
      float g = gate.getAtIndex(FLOAT, i);
      gate.setAtIndex(FLOAT, i, g / (1f + (float) Math.exp(-g)) * up.getAtIndex(FLOAT, i));
    }
  }

  /**
   * Reads every fp32 value of {@code s} once (a sum, four vectors deep): the streaming read of the
   * benchmark's bandwidth probe.
   */
  public static float read(MemorySegment s) {
    long n = s.byteSize() / 4;
    FloatVector a0 = FloatVector.zero(F);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    long i = 0;
    for (; i + 4L * LANES <= n; i += 4L * LANES) {
      a0 = a0.add(at(s, i));
      a1 = a1.add(at(s, i + LANES));
      a2 = a2.add(at(s, i + 2L * LANES));
      a3 = a3.add(at(s, i + 3L * LANES));
    }
    float sum = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      sum += s.getAtIndex(FLOAT, i);
    }
    return sum;
  }

  private static FloatVector at(MemorySegment x, long element) {
    return FloatVector.fromMemorySegment(F, x, 4L * element, LE);
  }

  private static FloatVector even(IntVector pairs) {
    return pairs.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
  }

  private static FloatVector odd(IntVector pairs) {
    return pairs.and(HIGH_HALVES).reinterpretAsFloats();
  }

  /** The bf16 value at element {@code index} of {@code s}, as fp32 (its upper half). */
  public static float bf16At(MemorySegment s, long index) {
    return Float.intBitsToFloat((s.getAtIndex(SHORT, index) & 0xFFFF) << 16);
  }
}
