package org.orgllm.inference.model;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
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
import org.orgllm.inference.torch.DecodeKernels.Activations;
import org.orgllm.inference.torch.ParallelMatVec;
import org.orgllm.inference.torch.SimdKernels;
import org.orgllm.inference.torch.SpinBarrier;
import org.orgllm.inference.torch.Tensors;

/**
 * A decode step (every row one new token, at most {@link #MAX_ROWS} rows, CPU, fp32
 * activations) computed in Java over the model's own weights and KV caches, split over the decode
 * threads. It computes what {@link DecoderModel#forward} computes, step for step.
 *
 * <p>Why: on the CPU a decode step is bound by reading the weights once, but the libtorch path makes
 * ~40 small calls per layer (norms, RoPE, attention, residual adds), each costing tens of
 * microseconds through JNI and the dispatcher, on one thread while the other waits, plus four thread
 * hand-offs per layer.
 *
 * <p>How the threads share a layer: five phases separated by a {@link SpinBarrier} (q/k/v heads with
 * their norm, RoPE and cache write; attention per row and head; o_proj; gate/up with SwiGLU;
 * down_proj). Within a phase the threads claim units of work (a head, a chunk of output features)
 * from a shared counter until none is left, so a thread that runs slower or starts later (a parked
 * worker waking up) simply does fewer units. A first version gave each thread fixed shares
 * (Megatron-style: its KV heads and MLP slice, two meetings per layer); on the reference VM each
 * thread then waited 7-17 ms of a 48 ms bf16 step for the other, in alternating phases, while the
 * memory system served them unevenly. Every output value has exactly one writer, so the result does
 * not depend on which thread computed what, nor on the number of threads.
 *
 * <p>Every thread keeps its own copy of the residual stream and applies the same elementwise updates
 * and RMSNorms to it (scalar code, bit-identical on every thread).
 */
final class FusedDecode {

  /** {@code -Dorgllm.fused=false} sends decode steps through the libtorch path (for comparisons). */
  static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("orgllm.fused", "true"));

  private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  /**
   * Most rows a fused step takes: a running batch of the engine (16 rows by default) fits. The kernels
   * take rows in groups of four against each weight row while it is in cache, so more rows cost
   * arithmetic, not reads; the buffers grow with this bound (about 4 MB for the 0.5B shape).
   */
  static final int MAX_ROWS = 64;
  private static final int ROWS = MAX_ROWS;

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

  /** Output features per unit of work in the o_proj, gate/up, down_proj and LM head phases. */
  private static final int CHUNK = 64;
  private static final int LM_HEAD_CHUNK = 2048;
  private static final int PHASES = 5;

  private final AtomicIntegerArray tickets; // [layer * PHASES + phase], then the LM head: units claimed

  // Buffers shared by all threads; each value has one writer, the thread that took its unit.
  private final MemorySegment q; // (ROWS, heads*headDim)
  private final MemorySegment k; // (ROWS, kvHeads*headDim)
  private final MemorySegment v; // (ROWS, kvHeads*headDim)
  private final MemorySegment attn; // (ROWS, heads*headDim)
  private final MemorySegment gate; // (ROWS, inter), then the SwiGLU activation
  private final MemorySegment up; // (ROWS, inter)
  private final MemorySegment o; // (ROWS, hidden) o_proj output
  private final MemorySegment mlp; // (ROWS, hidden) down_proj output
  private int maxRank;
  // Per thread: its copy of the residual stream, its normed input, its LoRA scratch.
  private final MemorySegment[] residual; // (ROWS, hidden)
  private final MemorySegment[] normed; // (ROWS, hidden)
  private final MemorySegment[] loraDown; // (3, ROWS, maxRank): A x of up to three projections of a phase
  private final MemorySegment[] loraUp; // (max(CHUNK, headDim)): B (A x) for one unit's features
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
  private long stepsRun; // fused steps completed, for tests

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
      layers[i] = new Layer(Tensors.toFloats(l.input_layernorm.weight()), Tensors.toFloats(l.post_attention_layernorm.weight()),
          qn == null ? null : Tensors.toFloats(qn.weight()), kn == null ? null : Tensors.toFloats(kn.weight()),
          weights(l.q_proj), weights(l.k_proj), weights(l.v_proj), weights(l.o_proj),
          weights(l.gate_proj), weights(l.up_proj), weights(l.down_proj));
    }
    this.finalNorm = Tensors.toFloats(model.norm.weight());
    this.lmHead = weights(model.lm_head);
    this.embed = DecodeKernels.segment(model.embed_tokens);
    this.embedBf16 = Tensors.isType(model.embed_tokens, ScalarType.BFloat16);
    this.tickets = new AtomicIntegerArray(layers.length * PHASES + 1);
    this.q = DecodeKernels.floats((long) ROWS * heads * headDim);
    this.k = DecodeKernels.floats((long) ROWS * kvHeads * headDim);
    this.v = DecodeKernels.floats((long) ROWS * kvHeads * headDim);
    this.attn = DecodeKernels.floats((long) ROWS * heads * headDim);
    this.gate = DecodeKernels.floats((long) ROWS * inter);
    this.up = DecodeKernels.floats((long) ROWS * inter);
    this.o = DecodeKernels.floats((long) ROWS * hidden);
    this.mlp = DecodeKernels.floats((long) ROWS * hidden);
    this.residual = new MemorySegment[parts];
    this.normed = new MemorySegment[parts];
    this.loraDown = new MemorySegment[parts];
    this.loraUp = new MemorySegment[parts];
    this.scores = new float[parts][];
    for (int t = 0; t < parts; t++) {
      residual[t] = DecodeKernels.floats((long) ROWS * hidden);
      loraUp[t] = DecodeKernels.floats(Math.max(CHUNK, headDim));
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
      // Projections of one input share its prepared activations, which depend on the weights' dtype.
      if (!sameType(l.q_proj, l.k_proj) || !sameType(l.q_proj, l.v_proj) || !sameType(l.gate_proj, l.up_proj)) {
        return null;
      }
    }
    if (!readable(model.lm_head.weight(), model.lm_head.bias()) || !readable(model.embed_tokens, null)) {
      return null;
    }
    return new FusedDecode(model, threads);
  }

  private static boolean sameType(Linear a, Linear b) {
    return a.weight().scalar_type().value == b.weight().scalar_type().value;
  }

  private static boolean readable(Tensor w, Tensor b) {
    boolean ok = !w.is_cuda() && w.is_contiguous()
        && (Tensors.isType(w, ScalarType.Float) || Tensors.isType(w, ScalarType.BFloat16));
    return ok && (b == null || (b.is_contiguous() && b.scalar_type().value == w.scalar_type().value));
  }

  /**
   * Runs the step if it is one this class computes: every row one token, at most {@link #MAX_ROWS}
   * rows, fp32 caches, adapters with fp32 contiguous pairs. Returns the logits
   * (rows, vocab), or null when the caller must take the libtorch path. Advances no cache.
   */
  Tensor forward(List<Row> rows) {
    if (rows.size() > ROWS || !prepare(rows)) {
      return null;
    }
    Tensor out = torch.empty(new long[] {rowCount, vocab}, new TensorOptions(ScalarType.Float),
        new MemoryFormatOptional()); // (rows, vocab)
    logits = DecodeKernels.segment(out);
    for (int i = 0; i < tickets.length(); i++) {
      tickets.set(i, 0);
    }
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
    stepsRun++;
    return out;
  }

  /** Fused steps completed so far. */
  long stepsRun() {
    return stepsRun;
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
      cos[r] = Tensors.toFloats(cs[0]);
      sin[r] = Tensors.toFloats(cs[1]);
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

    // 1. Embed: every thread copies the rows into its own residual stream.
    for (int r = 0; r < n; r++) {
      long base = (long) tokens[r] * hidden;
      for (int d = 0; d < hidden; d++) {
        float e = embedBf16 ? DecodeKernels.bf16At(embed, base + d) : embed.getAtIndex(FLOAT, base + d);
        x.setAtIndex(FLOAT, (long) r * hidden + d, e);
      }
    }

    for (int i = 0; i < layers.length; i++) {
      Layer l = layers[i];
      int slot = i * PHASES;
      // 2. Pre-attention RMSNorm (every thread, all rows).
      rmsNorm(x, l.inputNorm(), h, n);

      // 3-5. Units: one head of q, k or v for all rows: its rows (+ bias, + LoRA), Qwen3's q/k norm,
      // RoPE; keys and values go to the caches.
      Activations hq = DecodeKernels.activations(h, hidden, 0, hidden, n, l.q().bf16());
      loraDown(t, 0, i, Projection.q_proj, h, hidden, n);
      loraDown(t, 1, i, Projection.k_proj, h, hidden, n);
      loraDown(t, 2, i, Projection.v_proj, h, hidden, n);
      for (int u; (u = tickets.getAndIncrement(slot)) < heads + 2 * kvHeads; ) {
        if (u < heads) {
          project(l.q(), hq, n, u * headDim, (u + 1) * headDim, q, t, 0, i, Projection.q_proj);
          for (int r = 0; r < n; r++) {
            long head = (long) r * heads * headDim + (long) u * headDim;
            if (l.qNorm() != null) {
              normalize(q, head, headDim, l.qNorm(), q);
            }
            rope(q, head, r);
          }
        } else if (u < heads + kvHeads) {
          int g = u - heads;
          project(l.k(), hq, n, g * headDim, (g + 1) * headDim, k, t, 1, i, Projection.k_proj);
          for (int r = 0; r < n; r++) {
            long head = (long) r * kvHeads * headDim + (long) g * headDim;
            if (l.kNorm() != null) {
              normalize(k, head, headDim, l.kNorm(), k);
            }
            rope(k, head, r);
            MemorySegment.copy(k, FLOAT, 4 * head, keys[r][i], FLOAT, 4 * cacheSlot(r, i, g), headDim);
          }
        } else {
          int g = u - heads - kvHeads;
          project(l.v(), hq, n, g * headDim, (g + 1) * headDim, v, t, 2, i, Projection.v_proj);
          for (int r = 0; r < n; r++) {
            long head = (long) r * kvHeads * headDim + (long) g * headDim;
            MemorySegment.copy(v, FLOAT, 4 * head, values[r][i], FLOAT, 4 * cacheSlot(r, i, g), headDim);
          }
        }
      }
      barrier.await();

      // 6-7. Units: one query head of one row attending to its row's cache.
      for (int u; (u = tickets.getAndIncrement(slot + 1)) < n * heads; ) {
        attend(t, i, u / heads, u % heads);
      }
      barrier.await();

      // 8. Units: chunks of o_proj's output features (+ bias, + LoRA); then every thread adds the
      // output to its residual stream.
      Activations ao = DecodeKernels.activations(attn, heads * headDim, 0, heads * headDim, n, l.o().bf16());
      loraDown(t, 0, i, Projection.o_proj, attn, heads * headDim, n);
      for (int u; (u = tickets.getAndIncrement(slot + 2)) * CHUNK < hidden; ) {
        project(l.o(), ao, n, u * CHUNK, Math.min(hidden, (u + 1) * CHUNK), o, t, 0, i, Projection.o_proj);
      }
      barrier.await();
      addTo(x, o, n);

      // 9. Post-attention RMSNorm; units: chunks of gate/up features with their SwiGLU; then chunks
      // of down_proj's output features; every thread adds the output to its residual stream.
      rmsNorm(x, l.postNorm(), h, n);
      Activations hm = DecodeKernels.activations(h, hidden, 0, hidden, n, l.gate().bf16());
      loraDown(t, 0, i, Projection.gate_proj, h, hidden, n);
      loraDown(t, 1, i, Projection.up_proj, h, hidden, n);
      for (int u; (u = tickets.getAndIncrement(slot + 3)) * CHUNK < inter; ) {
        int from = u * CHUNK;
        int to = Math.min(inter, from + CHUNK);
        project(l.gate(), hm, n, from, to, gate, t, 0, i, Projection.gate_proj);
        project(l.up(), hm, n, from, to, up, t, 1, i, Projection.up_proj);
        for (int r = 0; r < n; r++) {
          DecodeKernels.swiglu(gate, up, (long) r * inter + from, (long) r * inter + to);
        }
      }
      barrier.await();
      Activations ad = DecodeKernels.activations(gate, inter, 0, inter, n, l.down().bf16());
      loraDown(t, 0, i, Projection.down_proj, gate, inter, n);
      for (int u; (u = tickets.getAndIncrement(slot + 4)) * CHUNK < hidden; ) {
        project(l.down(), ad, n, u * CHUNK, Math.min(hidden, (u + 1) * CHUNK), mlp, t, 0, i, Projection.down_proj);
      }
      barrier.await();
      addTo(x, mlp, n);
    }

    // 10. Final norm; units: chunks of the LM head's rows.
    rmsNorm(x, finalNorm, h, n);
    Activations al = DecodeKernels.activations(h, hidden, 0, hidden, n, lmHead.bf16());
    int last = layers.length * PHASES;
    for (int u; (long) (u = tickets.getAndIncrement(last)) * LM_HEAD_CHUNK < vocab; ) {
      DecodeKernels.project(lmHead.w(), hidden, al, n, u * LM_HEAD_CHUNK, Math.min(vocab, (u + 1) * LM_HEAD_CHUNK),
          logits, vocab, 0);
    }
  }

  /** Element offset of (kvHead, position of row r) in row r's layer cache. */
  private long cacheSlot(int r, int layer, int kvHead) {
    return ((long) kvHead * capacity[r][layer] + positions[r]) * headDim;
  }

  /** Query head {@code head} of row {@code r} against its KV head's cached positions. */
  private void attend(int t, int layer, int r, int head) {
    int pos = positions[r];
    int from = window > 0 ? Math.max(0, pos + 1 - window) : 0;
    long qHead = (long) r * heads * headDim + (long) head * headDim;
    long kvBase = (long) (head / (heads / kvHeads)) * capacity[r][layer] * headDim;
    DecodeKernels.attend(q, qHead, keys[r][layer], values[r][layer], kvBase, from, pos + 1, headDim, scale,
        scores[t], attn, qHead);
  }

  /**
   * Output features [from, to) of a projection for every row into {@code y} (rows, out), plus the
   * bias and each adapter row's delta {@code scale * B (A x)}, with {@code A x} from {@link #loraDown}
   * slot {@code which}.
   */
  private void project(Weights p, Activations x, int n, int from, int to, MemorySegment y, int t, int which,
      int layer, Projection proj) {
    DecodeKernels.project(p.w(), p.in(), x, n, from, to, y, p.out(), 0);
    for (int r = 0; r < n; r++) {
      long row = (long) r * p.out();
      if (p.bias() != null) {
        for (int f = from; f < to; f++) {
          y.setAtIndex(FLOAT, row + f, y.getAtIndex(FLOAT, row + f) + p.bias()[f]);
        }
      }
      Pair pair = lora[r] == null ? null : lora[r][layer][proj.ordinal()];
      if (pair != null) {
        // delta[f] = B[f, :] . u for this unit's features, then y += scale * delta.
        MemorySegment u = loraDown[t].asSlice(4L * ((long) which * ROWS + r) * maxRank);
        DecodeKernels.times(pair.b(), pair.rank(), u, from, to, loraUp[t]);
        for (int f = from; f < to; f++) {
          y.setAtIndex(FLOAT, row + f, y.getAtIndex(FLOAT, row + f) + pair.scale() * loraUp[t].getAtIndex(FLOAT, f - from));
        }
      }
    }
  }

  /**
   * {@code A x} (rank) of every adapter row for one projection into slot {@code which} of the
   * thread's scratch. Every thread computes it for the features it projects; A is small (r x in).
   */
  private void loraDown(int t, int which, int layer, Projection proj, MemorySegment x, int in, int n) {
    for (int r = 0; r < n; r++) {
      Pair pair = lora[r] == null ? null : lora[r][layer][proj.ordinal()];
      if (pair != null) {
        long u = ((long) which * ROWS + r) * maxRank;
        DecodeKernels.project(pair.a(), false, in, 0, in, x.asSlice(4L * r * in), in, 1, 0, pair.rank(), loraDown[t],
            maxRank, -u);
      }
    }
  }

  /** residual += y for every row (elementwise, the same on every thread). */
  private void addTo(MemorySegment residualStream, MemorySegment y, int n) {
    for (long e = 0; e < (long) n * hidden; e++) {
      residualStream.setAtIndex(FLOAT, e, residualStream.getAtIndex(FLOAT, e) + y.getAtIndex(FLOAT, e));
    }
  }

  /** HF's RMSNorm in fp32 for every row: x * rsqrt(mean(x^2) + eps) * weight. Scalar, fixed order. */
  private void rmsNorm(MemorySegment x, float[] weight, MemorySegment out, int n) {
    for (int r = 0; r < n; r++) {
      long row = (long) r * hidden;
      normalize(x, row, hidden, weight, out);
    }
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
    if (loraDown[0] != null && rank <= maxRank) {
      return;
    }
    maxRank = rank;
    for (int t = 0; t < parts; t++) {
      loraDown[t] = DecodeKernels.floats(3L * ROWS * rank);
    }
  }

  private Weights weights(Linear l) {
    Tensor w = l.weight();
    return new Weights(DecodeKernels.segment(w), Tensors.isType(w, ScalarType.BFloat16), (int) w.size(0),
        (int) w.size(1), l.bias() == null ? null : Tensors.toFloats(l.bias()));
  }
}
