package org.orgllm.inference.model;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.lora.LoraAdapter;
import org.orgllm.inference.lora.LoraWeights;
import org.orgllm.inference.lora.Projection;
import org.orgllm.inference.torch.DecodeKernels;
import org.orgllm.inference.torch.ParallelMatVec;
import org.orgllm.inference.torch.SimdKernels;
import org.orgllm.inference.torch.SpinBarrier;
import org.orgllm.inference.torch.Tensors;

/**
 * A decode step (every row one new token, at most {@link SimdKernels#MAX_ROWS} rows, CPU, fp32
 * activations) computed in Java over the model's own weights and KV caches, split tensor-parallel
 * over the decode threads. It computes what {@link DecoderModel#forward} computes, step for step.
 *
 * <p>Why: on the CPU a decode step is bound by reading the weights once, but the libtorch path makes
 * ~40 small calls per layer (norms, RoPE, attention, residual adds), each costing tens of
 * microseconds through JNI and the dispatcher, on one thread while the other waits, plus four thread
 * hand-offs per layer. Here each thread owns a share of every layer, as in Megatron-LM's tensor
 * parallelism: its KV heads (their rows of q/k/v_proj, their attention, their columns of o_proj) and
 * its slice of the MLP (rows of gate/up_proj, columns of down_proj). The threads meet twice per
 * layer, after o_proj and after down_proj, to add up their partial sums; every thread keeps its own
 * copy of the residual stream.
 *
 * <p>Every thread must hold the same residual stream, so what they compute redundantly after a
 * meeting (the sum of the partials, the biases of o/down_proj, the LoRA deltas of o/down_proj, the
 * RMSNorms) is plain scalar Java in a fixed order, bit-identical on every thread; vector reductions,
 * whose lane order the JIT may choose, only produce values that one thread computes for all.
 */
final class FusedDecode {

  /** {@code -Dorgllm.fused=false} sends decode steps through the libtorch path (for comparisons). */
  static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("orgllm.fused", "true"));

  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final int ROWS = SimdKernels.MAX_ROWS;

  /** One projection's weight and bias as the kernels read them. */
  private record Weights(MemorySegment w, boolean bf16, int out, int in, float[] bias) {}

  /** One decoder layer's weights. */
  private record Layer(float[] inputNorm, float[] postNorm, float[] qNorm, float[] kNorm, Weights q, Weights k,
      Weights v, Weights o, Weights gate, Weights up, Weights down) {}

  /** An adapter's pair for one projection: A (rank, in) and B (out, rank), fp32. */
  private record Pair(MemorySegment a, MemorySegment b, int rank, float scale) {}

  private final DecoderModel model;
  private final ParallelMatVec threads; // null: the caller alone
  private final int parts;
  private final SpinBarrier barrier;
  private final int hidden;
  private final int heads;
  private final int kvHeads;
  private final int headDim;
  private final int inter;
  private final int vocab;
  private final float eps;
  private final float scale;
  private final int window;
  private final Layer[] layers;
  private final float[] finalNorm;
  private final Weights lmHead;
  private final MemorySegment embed;
  private final boolean embedBf16;
  private final Map<LoraAdapter, Pair[][]> adapters = new WeakHashMap<>();

  // Per-thread shares: [t, t+1) bounds.
  private final int[] kvFrom; // KV heads
  private final int[] interFrom; // intermediate features
  private final int[] vocabFrom; // LM head rows

  // Buffers shared by all threads; each thread writes only its own share.
  private final MemorySegment q; // (ROWS, heads*headDim)
  private final MemorySegment k; // (ROWS, kvHeads*headDim)
  private final MemorySegment v; // (ROWS, kvHeads*headDim)
  private final MemorySegment attn; // (ROWS, heads*headDim)
  private final MemorySegment gate; // (ROWS, inter), then the SwiGLU activation
  private final MemorySegment up; // (ROWS, inter)
  private final MemorySegment[][] partial; // [phase][thread] (ROWS, hidden): partial sums of o/down_proj
  private MemorySegment[][] partialU; // [phase][thread] (ROWS, maxRank): partial LoRA down-projections
  private int maxRank;
  // Per thread: its copy of the residual stream, its normed input, its LoRA scratch.
  private final MemorySegment[] residual; // (ROWS, hidden)
  private final MemorySegment[] normed; // (ROWS, hidden)
  private final MemorySegment[] down; // (ROWS, max(maxRank, 1))
  private final float[][] scores; // attention scratch, grown per step

  // The current step, set by the caller before the threads start.
  private int rowCount;
  private int[] tokens;
  private int[] positions;
  private float[][] cos;
  private float[][] sin;
  private MemorySegment[][] keys; // [row][layer]
  private MemorySegment[][] values; // [row][layer]
  private long[][] capacity; // [row][layer]
  private Pair[][][] lora; // [row][layer][projection ordinal], null entries: no delta
  private MemorySegment logits; // (rows, vocab)

  private FusedDecode(DecoderModel model, ParallelMatVec threads) {
    this.model = model;
    this.threads = threads;
    this.parts = threads == null ? 1 : threads.parts();
    this.barrier = new SpinBarrier(parts);
    ModelConfig c = model.config;
    this.hidden = c.hiddenSize();
    this.heads = c.numAttentionHeads();
    this.kvHeads = c.numKeyValueHeads();
    this.headDim = c.headDim();
    this.inter = c.intermediateSize();
    this.vocab = c.vocabSize();
    this.eps = (float) c.rmsNormEps();
    this.scale = (float) (1.0 / Math.sqrt(headDim));
    this.window = c.slidingWindow();
    this.layers = new Layer[model.layers.size()];
    for (int i = 0; i < layers.length; i++) {
      DecoderLayer l = model.layers.get(i);
      RmsNorm qn = model.queryNorm(i);
      RmsNorm kn = model.keyNorm(i);
      layers[i] = new Layer(floats(l.input_layernorm.weight()), floats(l.post_attention_layernorm.weight()),
          qn == null ? null : floats(qn.weight()), kn == null ? null : floats(kn.weight()),
          weights(l.q_proj), weights(l.k_proj), weights(l.v_proj), weights(l.o_proj),
          weights(l.gate_proj), weights(l.up_proj), weights(l.down_proj));
    }
    this.finalNorm = floats(model.norm.weight());
    this.lmHead = weights(model.lm_head);
    this.embed = DecodeKernels.segment(model.embed_tokens);
    this.embedBf16 = Tensors.isType(model.embed_tokens, ScalarType.BFloat16);
    this.kvFrom = split(kvHeads, 1);
    this.interFrom = split(inter, 32);
    this.vocabFrom = split(vocab, 1);
    this.q = DecodeKernels.floats((long) ROWS * heads * headDim);
    this.k = DecodeKernels.floats((long) ROWS * kvHeads * headDim);
    this.v = DecodeKernels.floats((long) ROWS * kvHeads * headDim);
    this.attn = DecodeKernels.floats((long) ROWS * heads * headDim);
    this.gate = DecodeKernels.floats((long) ROWS * inter);
    this.up = DecodeKernels.floats((long) ROWS * inter);
    this.partial = new MemorySegment[2][parts];
    this.residual = new MemorySegment[parts];
    this.normed = new MemorySegment[parts];
    this.down = new MemorySegment[parts];
    this.scores = new float[parts][];
    for (int t = 0; t < parts; t++) {
      partial[0][t] = DecodeKernels.floats((long) ROWS * hidden);
      partial[1][t] = DecodeKernels.floats((long) ROWS * hidden);
      residual[t] = DecodeKernels.floats((long) ROWS * hidden);
      normed[t] = DecodeKernels.floats((long) ROWS * hidden);
      scores[t] = new float[256];
    }
    ensureRank(1);
  }

  /**
   * The fused step for {@code model}, or null when its weights are not all fp32 or bf16 contiguous
   * CPU tensors with biases of their dtype, or the vector kernels are unavailable.
   */
  static FusedDecode of(DecoderModel model, ParallelMatVec threads) {
    if (!ENABLED || !SimdKernels.available() || model.options().device().isCuda()
        || model.options().device().computeType() != ScalarType.Float) {
      return null;
    }
    for (DecoderLayer l : model.layers) {
      for (Projection p : Projection.values()) {
        if (!readable(l.projection(p).weight(), l.projection(p).bias())) {
          return null;
        }
      }
    }
    if (!readable(model.lm_head.weight(), model.lm_head.bias()) || !readable(model.embed_tokens, null)) {
      return null;
    }
    return new FusedDecode(model, threads);
  }

  private static boolean readable(Tensor w, Tensor b) {
    boolean ok = !w.is_cuda() && w.is_contiguous()
        && (Tensors.isType(w, ScalarType.Float) || Tensors.isType(w, ScalarType.BFloat16));
    return ok && (b == null || (b.is_contiguous() && b.scalar_type().value == w.scalar_type().value));
  }

  /**
   * Runs the step if it is one this class computes: every row one token, at most {@link
   * SimdKernels#MAX_ROWS} rows, fp32 caches, adapters with fp32 contiguous pairs. Returns the logits
   * (rows, vocab), or null when the caller must take the libtorch path. Advances no cache.
   */
  Tensor forward(List<Row> rows) {
    if (rows.size() > ROWS || !prepare(rows)) {
      return null;
    }
    Tensor out = torch.empty(new long[] {rowCount, vocab}, new TensorOptions(ScalarType.Float),
        new MemoryFormatOptional()); // (rows, vocab)
    logits = DecodeKernels.segment(out);
    barrier.reset();
    try {
      if (threads == null) {
        run(0);
      } else {
        threads.runOnAll(this::run);
      }
    } finally {
      logits = null;
      lora = null;
    }
    return out;
  }

  /** Reads the step's rows; false when one of them needs the libtorch path. */
  private boolean prepare(List<Row> rows) {
    int n = rows.size();
    for (Row row : rows) {
      if (row.tokens().length != 1) {
        return false;
      }
      for (int i = 0; i < layers.length; i++) {
        if (!row.cache().isFloat(i)) {
          return false;
        }
      }
    }
    Pair[][][] pairs = new Pair[n][][];
    int rank = 1;
    for (int r = 0; r < n; r++) {
      LoraAdapter adapter = rows.get(r).adapter();
      if (adapter != null) {
        pairs[r] = adapters.computeIfAbsent(adapter, this::pairs);
        if (pairs[r].length == 0) {
          return false; // not fp32 contiguous
        }
        for (Pair[] layer : pairs[r]) {
          for (Pair p : layer) {
            rank = p == null ? rank : Math.max(rank, p.rank());
          }
        }
      }
    }
    ensureRank(rank);
    rowCount = n;
    tokens = new int[n];
    positions = new int[n];
    cos = new float[n][];
    sin = new float[n][];
    keys = new MemorySegment[n][layers.length];
    values = new MemorySegment[n][layers.length];
    capacity = new long[n][layers.length];
    lora = pairs;
    int longest = 0;
    for (int r = 0; r < n; r++) {
      Row row = rows.get(r);
      tokens[r] = row.tokens()[0];
      positions[r] = row.cache().length();
      longest = Math.max(longest, positions[r] + 1);
      Tensor[] cs = model.rotary_emb.cosSin(positions[r], 1); // (1, headDim) x2
      cos[r] = floats(cs[0]);
      sin[r] = floats(cs[1]);
      for (int i = 0; i < layers.length; i++) {
        MemorySegment[] kv = row.cache().reserve(i, positions[r] + 1L, kvHeads, headDim);
        keys[r][i] = kv[0];
        values[r][i] = kv[1];
        capacity[r][i] = row.cache().capacity(i);
      }
    }
    for (int t = 0; t < parts; t++) {
      if (scores[t].length < longest) {
        scores[t] = new float[Math.max(longest, 2 * scores[t].length)];
      }
    }
    return true;
  }

  /** Thread t's share of the whole step. */
  private void run(int t) {
    try {
      step(t);
    } catch (RuntimeException | Error e) {
      barrier.abort();
      throw e;
    }
  }

  private void step(int t) {
    MemorySegment x = residual[t];
    MemorySegment h = normed[t];
    int n = rowCount;
    int qFrom = kvFrom[t] * (heads / kvHeads) * headDim;
    int qTo = kvFrom[t + 1] * (heads / kvHeads) * headDim;
    int kFrom = kvFrom[t] * headDim;
    int kTo = kvFrom[t + 1] * headDim;
    int iFrom = interFrom[t];
    int iTo = interFrom[t + 1];

    // 1. Embed: every thread copies the rows into its own residual stream.
    for (int r = 0; r < n; r++) {
      long base = (long) tokens[r] * hidden;
      for (int d = 0; d < hidden; d++) {
        float e = embedBf16 ? bf16(embed, base + d) : embed.getAtIndex(FLOAT, base + d);
        x.setAtIndex(FLOAT, (long) r * hidden + d, e);
      }
    }

    for (int i = 0; i < layers.length; i++) {
      Layer l = layers[i];
      // 2. Pre-attention RMSNorm (every thread, all rows).
      rmsNorm(x, l.inputNorm(), h, n);

      // 3. This thread's rows of q/k/v (+ bias, + LoRA).
      project(l.q(), h, n, qFrom, qTo, q, i, Projection.q_proj, t);
      project(l.k(), h, n, kFrom, kTo, k, i, Projection.k_proj, t);
      project(l.v(), h, n, kFrom, kTo, v, i, Projection.v_proj, t);

      // 4-7. Per row and own head: Qwen3's q/k norm, RoPE, the cache write, attention.
      for (int r = 0; r < n; r++) {
        attendRow(t, i, l, r, qFrom, qTo, kFrom, kTo);
      }

      // 8. Partial o_proj over this thread's heads (its columns); meet; add up, + bias + LoRA, residual.
      partialProject(l.o(), attn, heads * headDim, n, qFrom, qTo, 0, t, i, Projection.o_proj);
      barrier.await();
      addPartials(x, l.o(), 0, n, i, Projection.o_proj);

      // 9. Post-attention RMSNorm; this thread's slice of gate/up, SwiGLU; partial down_proj; meet.
      rmsNorm(x, l.postNorm(), h, n);
      project(l.gate(), h, n, iFrom, iTo, gate, i, Projection.gate_proj, t);
      project(l.up(), h, n, iFrom, iTo, up, i, Projection.up_proj, t);
      for (int r = 0; r < n; r++) {
        DecodeKernels.swiglu(gate, up, (long) r * inter + iFrom, (long) r * inter + iTo);
      }
      partialProject(l.down(), gate, inter, n, iFrom, iTo, 1, t, i, Projection.down_proj);
      barrier.await();
      addPartials(x, l.down(), 1, n, i, Projection.down_proj);
    }

    // 10. Final norm; this thread's rows of the LM head.
    rmsNorm(x, finalNorm, h, n);
    DecodeKernels.project(lmHead.w(), lmHead.bf16(), hidden, 0, hidden, h, hidden, n, vocabFrom[t], vocabFrom[t + 1],
        logits, vocab, 0);
  }

  /** Steps 4-7 for one row and this thread's heads. */
  private void attendRow(int t, int layer, Layer l, int r, int qFrom, int qTo, int kFrom, int kTo) {
    int group = heads / kvHeads;
    int pos = positions[r];
    long cap = capacity[r][layer];
    MemorySegment keyCache = keys[r][layer];
    MemorySegment valueCache = values[r][layer];
    long qRow = (long) r * heads * headDim;
    long kRow = (long) r * kvHeads * headDim;
    for (int off = kFrom; off < kTo; off += headDim) {
      int kvHead = off / headDim;
      if (l.kNorm() != null) {
        headNorm(k, kRow + off, l.kNorm());
      }
      rope(k, kRow + off, r);
      long slot = ((long) kvHead * cap + pos) * headDim; // (kvHead, pos, 0) in the cache
      MemorySegment.copy(k, FLOAT, 4L * (kRow + off), keyCache, FLOAT, 4L * slot, headDim);
      MemorySegment.copy(v, FLOAT, 4L * (kRow + off), valueCache, FLOAT, 4L * slot, headDim);
    }
    int from = window > 0 ? Math.max(0, pos + 1 - window) : 0;
    for (int off = qFrom; off < qTo; off += headDim) {
      int head = off / headDim;
      if (l.qNorm() != null) {
        headNorm(q, qRow + off, l.qNorm());
      }
      rope(q, qRow + off, r);
      long kvBase = (long) (head / group) * cap * headDim;
      DecodeKernels.attend(q, qRow + off, keyCache, valueCache, kvBase, from, pos + 1, headDim, scale, scores[t],
          attn, qRow + off);
    }
  }

  /**
   * Output features [from, to) of a projection for every row into {@code y} (rows, out), plus the
   * bias and each row's LoRA delta for those features.
   */
  private void project(Weights p, MemorySegment x, int n, int from, int to, MemorySegment y, int layer,
      Projection proj, int t) {
    if (from == to) {
      return;
    }
    DecodeKernels.project(p.w(), p.bf16(), p.in(), 0, p.in(), x, p.in(), n, from, to, y, p.out(), 0);
    for (int r = 0; r < n; r++) {
      long row = (long) r * p.out();
      if (p.bias() != null) {
        for (int o = from; o < to; o++) {
          y.setAtIndex(FLOAT, row + o, y.getAtIndex(FLOAT, row + o) + p.bias()[o]);
        }
      }
      Pair pair = lora[r] == null ? null : lora[r][layer][proj.ordinal()];
      if (pair != null) {
        // u = A x (rank), computed by every thread for its own features; then y += scale * B u.
        MemorySegment u = down[t];
        DecodeKernels.project(pair.a(), false, p.in(), 0, p.in(), x.asSlice(4L * r * p.in()), p.in(), 1, 0,
            pair.rank(), u, pair.rank(), 0);
        for (int o = from; o < to; o++) {
          y.setAtIndex(FLOAT, row + o, y.getAtIndex(FLOAT, row + o) + pair.scale() * bTimesU(pair, o, u, 0));
        }
      }
    }
  }

  /**
   * This thread's partial sums of a projection whose input features it owns ([kFrom, kTo) of o_proj
   * or down_proj): all output features into {@code partial[phase][t]}, and each adapter row's partial
   * {@code A x} into {@code partialU[phase][t]}.
   */
  private void partialProject(Weights p, MemorySegment x, int in, int n, int kFrom, int kTo, int phase, int t,
      int layer, Projection proj) {
    MemorySegment out = partial[phase][t];
    MemorySegment u = partialU[phase][t];
    if (kFrom == kTo) {
      out.asSlice(0, 4L * n * p.out()).fill((byte) 0);
      u.asSlice(0, 4L * n * maxRank).fill((byte) 0);
      return;
    }
    DecodeKernels.project(p.w(), p.bf16(), in, kFrom, kTo, x, in, n, 0, p.out(), out, p.out(), 0);
    for (int r = 0; r < n; r++) {
      Pair pair = lora[r] == null ? null : lora[r][layer][proj.ordinal()];
      if (pair != null) {
        DecodeKernels.project(pair.a(), false, in, kFrom, kTo, x.asSlice(4L * r * in), in, 1, 0, pair.rank(),
            u, maxRank, -(long) r * maxRank);
      }
    }
  }

  /**
   * residual += sum of the threads' partials + bias + LoRA delta, for every row and feature, in the
   * same order on every thread (scalar code, so the copies of the residual stream stay identical).
   */
  private void addPartials(MemorySegment x, Weights p, int phase, int n, int layer, Projection proj) {
    int out = p.out();
    for (int r = 0; r < n; r++) {
      Pair pair = lora[r] == null ? null : lora[r][layer][proj.ordinal()];
      long row = (long) r * out;
      for (int o = 0; o < out; o++) {
        float s = partial[phase][0].getAtIndex(FLOAT, row + o);
        for (int t = 1; t < parts; t++) {
          s += partial[phase][t].getAtIndex(FLOAT, row + o);
        }
        if (p.bias() != null) {
          s += p.bias()[o];
        }
        if (pair != null) {
          s += pair.scale() * bTimesSummedU(pair, o, phase, r);
        }
        x.setAtIndex(FLOAT, row + o, x.getAtIndex(FLOAT, row + o) + s);
      }
    }
  }

  /** sum_j B[o, j] * u[uBase + j], scalar and in order. */
  private static float bTimesU(Pair pair, int o, MemorySegment u, long uBase) {
    float s = 0f;
    long b = (long) o * pair.rank();
    for (int j = 0; j < pair.rank(); j++) {
      s += pair.b().getAtIndex(FLOAT, b + j) * u.getAtIndex(FLOAT, uBase + j);
    }
    return s;
  }

  /** sum_j B[o, j] * (sum over threads of their partial u_j), scalar and in order. */
  private float bTimesSummedU(Pair pair, int o, int phase, int r) {
    float s = 0f;
    long b = (long) o * pair.rank();
    long base = (long) r * maxRank;
    for (int j = 0; j < pair.rank(); j++) {
      float u = partialU[phase][0].getAtIndex(FLOAT, base + j);
      for (int t = 1; t < parts; t++) {
        u += partialU[phase][t].getAtIndex(FLOAT, base + j);
      }
      s += pair.b().getAtIndex(FLOAT, b + j) * u;
    }
    return s;
  }

  /** HF's RMSNorm in fp32 for every row: x * rsqrt(mean(x^2) + eps) * weight. Scalar, fixed order. */
  private void rmsNorm(MemorySegment x, float[] weight, MemorySegment out, int n) {
    for (int r = 0; r < n; r++) {
      long row = (long) r * hidden;
      normalize(x, row, hidden, weight, out);
    }
  }

  /** Qwen3's RMSNorm of one head in place. */
  private void headNorm(MemorySegment x, long offset, float[] weight) {
    normalize(x, offset, headDim, weight, x);
  }

  private void normalize(MemorySegment x, long offset, int dim, float[] weight, MemorySegment out) {
    float sum = 0f;
    for (int d = 0; d < dim; d++) {
      float e = x.getAtIndex(FLOAT, offset + d);
      sum += e * e;
    }
    float inv = (float) (1.0 / Math.sqrt(sum / dim + eps));
    for (int d = 0; d < dim; d++) {
      out.setAtIndex(FLOAT, offset + d, weight[d] * (x.getAtIndex(FLOAT, offset + d) * inv));
    }
  }

  /** x * cos + rotate_half(x) * sin for one head of row r, in place, rounding as HF does. */
  private void rope(MemorySegment x, long offset, int r) {
    int half = headDim / 2;
    float[] c = cos[r];
    float[] s = sin[r];
    for (int d = 0; d < half; d++) {
      float x1 = x.getAtIndex(FLOAT, offset + d);
      float x2 = x.getAtIndex(FLOAT, offset + d + half);
      x.setAtIndex(FLOAT, offset + d, x1 * c[d] - x2 * s[d]);
      x.setAtIndex(FLOAT, offset + d + half, x2 * c[d + half] + x1 * s[d + half]);
    }
  }

  /** The adapter's fp32 pairs by [layer][projection ordinal], or an empty array when not readable. */
  private Pair[][] pairs(LoraAdapter adapter) {
    Pair[][] table = new Pair[layers.length][Projection.values().length];
    for (int i = 0; i < layers.length; i++) {
      for (Projection p : Projection.values()) {
        LoraWeights w = adapter.weights(i, p);
        if (w == null) {
          continue;
        }
        Tensor a = w.lora_A();
        Tensor b = w.lora_B();
        if (a.is_cuda() || !a.is_contiguous() || !b.is_contiguous() || !Tensors.isType(a, ScalarType.Float)
            || !Tensors.isType(b, ScalarType.Float)) {
          return new Pair[0][];
        }
        table[i][p.ordinal()] = new Pair(DecodeKernels.segment(a), DecodeKernels.segment(b), (int) a.size(0),
            (float) w.scale());
      }
    }
    return table;
  }

  private void ensureRank(int rank) {
    if (partialU != null && rank <= maxRank) {
      return;
    }
    maxRank = rank;
    partialU = new MemorySegment[2][parts];
    for (int t = 0; t < parts; t++) {
      partialU[0][t] = DecodeKernels.floats((long) ROWS * rank);
      partialU[1][t] = DecodeKernels.floats((long) ROWS * rank);
      down[t] = DecodeKernels.floats(rank);
    }
  }

  /**
   * Bounds of {@code parts} shares of {@code total}: share t is [b[t], b[t+1]); inner bounds are
   * multiples of {@code align} where that leaves every share non-empty.
   */
  private int[] split(int total, int align) {
    int[] bounds = new int[parts + 1];
    for (int t = 1; t < parts; t++) {
      int even = (int) ((long) total * t / parts);
      int aligned = even - even % align;
      bounds[t] = aligned > bounds[t - 1] ? aligned : even;
    }
    bounds[parts] = total;
    return bounds;
  }

  private Weights weights(Linear l) {
    Tensor w = l.weight();
    return new Weights(DecodeKernels.segment(w), Tensors.isType(w, ScalarType.BFloat16), (int) w.size(0),
        (int) w.size(1), l.bias() == null ? null : floats(l.bias()));
  }

  /** A small tensor's values as fp32. */
  private static float[] floats(Tensor t) {
    Tensor f = t.to(ScalarType.Float).contiguous().cpu(); // (numel)
    float[] out = new float[(int) f.numel()];
    MemorySegment.copy(DecodeKernels.segment(f), FLOAT, 0, out, 0, out.length);
    return out;
  }

  private static float bf16(MemorySegment s, long index) {
    return Float.intBitsToFloat((s.getAtIndex(SHORT, index) & 0xFFFF) << 16);
  }
}
