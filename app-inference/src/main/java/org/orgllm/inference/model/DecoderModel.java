package org.orgllm.inference.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorArrayRef;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.orgllm.inference.ModelLoadException;
import org.orgllm.inference.config.GenerationConfig;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.lora.LoraAdapter;
import org.orgllm.inference.lora.LoraBatch;
import org.orgllm.inference.lora.Projection;
import org.orgllm.inference.safetensors.SafetensorsIndex;
import org.orgllm.inference.torch.ParallelMatVec;
import org.orgllm.inference.torch.Tensors;

/**
 * A decoder-only transformer (Llama / Qwen2 / Qwen3 / Mistral) with batched, cache-aware forward.
 *
 * <p>Fields are named after the checkpoint keys. Family subclasses choose the biases and may
 * provide {@link #queryNorm} / {@link #keyNorm} (Qwen3's q_norm / k_norm).
 *
 * <p>On the CPU, decode steps (one new token per row, up to 64 rows) run through {@link
 * FusedDecode}, which computes the same steps in Java without a libtorch call per layer; prefill,
 * mixed steps and CUDA take the libtorch path below.
 *
 * <p>Not thread-safe: run all forwards of a model on one inference thread (libtorch's intra-op pool
 * is process-global anyway).
 */
public abstract class DecoderModel implements AutoCloseable {

  /**
   * Which projections carry a bias.
   *
   * @param qkv q_proj, k_proj, v_proj
   * @param o o_proj
   * @param mlp gate_proj, up_proj, down_proj
   */
  public record Biases(boolean qkv, boolean o, boolean mlp) {}

  private static final Pattern LAYER_KEY = Pattern.compile("model\\.layers\\.(\\d+)\\..*");

  protected final ModelConfig config;
  private final GenerationConfig generationConfig;
  private final LoadOptions options;
  private final SafetensorsIndex checkpoint; // keeps the mapped (zero-copy) weights alive
  protected final Tensor embed_tokens; // (vocab, hidden)
  protected final List<DecoderLayer> layers;
  protected final RmsNorm norm;
  protected final Linear lm_head; // (vocab, hidden), embed_tokens when tied
  protected final RotaryEmbedding rotary_emb;
  private final ParallelMatVec matVec; // null unless decodeThreads > 1
  private FusedDecode fused; // null: every step takes the libtorch path

  protected DecoderModel(
      ModelConfig config, GenerationConfig generationConfig, WeightLoader w, LoadOptions options, Biases biases) {
    this.config = config;
    this.generationConfig = generationConfig;
    this.options = options;
    this.checkpoint = w.index();
    checkLayerCount(w.index(), config);
    long hidden = config.hiddenSize();
    long vocab = config.vocabSize();
    this.embed_tokens = w.get("model.embed_tokens.weight", vocab, hidden);
    List<DecoderLayer> list = new ArrayList<>();
    for (int i = 0; i < config.numHiddenLayers(); i++) {
      list.add(new DecoderLayer(w, config, i, biases));
    }
    this.layers = Collections.unmodifiableList(list);
    this.norm = new RmsNorm(w.get("model.norm.weight", hidden), config.rmsNormEps());
    this.lm_head = config.tieWordEmbeddings()
        ? new Linear("lm_head", -1, null, embed_tokens, null)
        : new Linear("lm_head", -1, null, w.get("lm_head.weight", vocab, hidden), null);
    this.rotary_emb = new RotaryEmbedding(config);
    this.matVec = options.decodeThreads() > 1 && !options.device().isCuda()
        ? new ParallelMatVec(options.decodeThreads(), ParallelMatVec.DEFAULT_MIN_ELEMENTS)
        : null;
    for (DecoderLayer layer : layers) {
      for (Projection p : Projection.values()) {
        layer.projection(p).useMatVec(matVec);
      }
    }
    lm_head.useMatVec(matVec);
  }

  /**
   * Prepares the fused decode step once the subclass has loaded its own weights (q/k norms); called
   * by {@link ModelLoader}. Without it every step takes the libtorch path.
   */
  void enableFusedDecode() {
    this.fused = FusedDecode.of(this, matVec);
  }

  /**
   * Runs {@code steps} throwaway decode steps of one row, then a quarter as many of eight rows, on
   * scratch caches, half of the rows with an all-zero adapter ({@link LoraAdapter#zeros}), so the JIT
   * has compiled the fused decode path, LoRA included, before the first request: the first few dozen
   * steps of a fresh JVM otherwise run at about half speed (docs/performance.md). Does nothing
   * without the fused path. Costs about {@code 1.25 * steps} steps' worth of weight reads plus the
   * batched steps' arithmetic (3.2-3.6 s for the 0.5B shape in bf16 with 16 steps; the first steps
   * after it ran at 71-93 ms against 144-149 without it, same session).
   */
  public void warmUp(int steps) {
    if (fused == null || steps <= 0) {
      return;
    }
    try (LoraAdapter zeros = LoraAdapter.zeros(config, 1)) {
      for (int[] shape : new int[][] {{1, steps}, {8, Math.max(1, steps / 4)}}) {
        List<KvCache> caches = new ArrayList<>();
        try {
          for (int r = 0; r < shape[0]; r++) {
            caches.add(KvCache.of(this));
          }
          for (int s = 0; s < shape[1]; s++) {
            List<Row> rows = new ArrayList<>();
            for (int r = 0; r < shape[0]; r++) {
              int token = (s * 31 + r) % config.vocabSize();
              rows.add(new Row(caches.get(r), new int[] {token}, (s + r) % 2 == 0 ? null : zeros));
            }
            forward(rows).lastLogits().close();
          }
        } finally {
          caches.forEach(KvCache::close);
        }
      }
    }
  }

  /** Whether decode steps take the fused path (tests compare both). */
  boolean fusedDecode() {
    return fused != null;
  }

  /** Steps the current fused path has run (tests check that it ran). */
  long fusedSteps() {
    return fused == null ? 0 : fused.stepsRun();
  }

  /** Turns the fused decode path off (false) or back on where possible (true); for tests. */
  void fusedDecode(boolean on) {
    this.fused = on ? FusedDecode.of(this, matVec) : null;
  }

  /** Loads a Hugging Face model folder; see {@link ModelLoader#load(java.nio.file.Path, LoadOptions)}. */
  public static DecoderModel load(java.nio.file.Path folder, LoadOptions options) {
    return ModelLoader.load(folder, options);
  }

  private static void checkLayerCount(SafetensorsIndex index, ModelConfig config) {
    for (String name : index.names()) {
      Matcher m = LAYER_KEY.matcher(name);
      if (m.matches() && Integer.parseInt(m.group(1)) >= config.numHiddenLayers()) {
        throw ModelLoadException.of(index.fileOf(name).path(), "tensor '" + name + "' belongs to a layer beyond "
            + "num_hidden_layers=" + config.numHiddenLayers() + " of config.json");
      }
    }
  }

  /** The architecture hyper-parameters. */
  public ModelConfig config() {
    return config;
  }

  /** Generation defaults (eos ids etc.). */
  public GenerationConfig generationConfig() {
    return generationConfig;
  }

  /** How the weights are held and where the model runs. */
  public LoadOptions options() {
    return options;
  }

  /**
   * Unmaps the checkpoint. Zero-copy weights become invalid: call only when no forward can run any
   * more.
   */
  @Override
  public void close() {
    if (matVec != null) {
      matVec.close();
    }
    for (DecoderLayer layer : layers) {
      for (Projection p : Projection.values()) {
        layer.projection(p).release();
      }
    }
    checkpoint.close();
  }

  /** The checkpoint the weights come from. */
  public SafetensorsIndex checkpoint() {
    return checkpoint;
  }

  /**
   * Bytes of projection weights (and biases) one decode step reads: every layer's seven projections
   * plus the LM head. The embedding lookup reads one row and norms are tiny, so they are left out.
   */
  public long decodeWeightBytes() {
    long bytes = lm_head.bytes();
    for (DecoderLayer layer : layers) {
      for (Projection p : Projection.values()) {
        bytes += layer.projection(p).bytes();
      }
    }
    return bytes;
  }

  /** Weights of the projections (biases excluded) plus the embedding, and the LM head when untied. */
  public long parameterCount() {
    long n = embed_tokens.numel() + (config.tieWordEmbeddings() ? 0 : lm_head.weight().numel());
    for (DecoderLayer layer : layers) {
      for (Projection p : Projection.values()) {
        n += layer.projection(p).weight().numel();
      }
    }
    return n;
  }

  /** The RMSNorm over head_dim applied to every query head before RoPE (Qwen3's q_norm), or null. */
  protected RmsNorm queryNorm(int layer) {
    return null;
  }

  /** The RMSNorm over head_dim applied to every key head before RoPE (Qwen3's k_norm), or null. */
  protected RmsNorm keyNorm(int layer) {
    return null;
  }

  /** Step 4 for the queries: {@link #queryNorm} when the family has one. (tokens, heads, headDim) */
  private Tensor normalizeQuery(int layer, Tensor q) {
    RmsNorm n = queryNorm(layer);
    return n == null ? q : n.forward(q);
  }

  /** Step 4 for the keys: {@link #keyNorm} when the family has one. (tokens, kvHeads, headDim) */
  private Tensor normalizeKey(int layer, Tensor k) {
    RmsNorm n = keyNorm(layer);
    return n == null ? k : n.forward(k);
  }

  /** Logits after the last token of each row; see {@link #forward(List, boolean)}. */
  public ForwardResult forward(List<Row> rows) {
    return forward(rows, false);
  }

  /**
   * Runs one step for a batch of sequences: every row's new tokens are packed into one matrix so each
   * projection is a single matmul; attention runs per row against that row's own cache. Each row's
   * cache grows by its new tokens.
   *
   * @param rows distinct caches; prefill chunks and single decode tokens may be mixed
   * @param allPositions also return the logits of every position (costly for long prompts)
   */
  public ForwardResult forward(List<Row> rows, boolean allPositions) {
    int[] offsets = pack(rows);
    int total = offsets[rows.size()];
    Device device = options.device().device();
    ScalarType compute = options.device().computeType();
    try (InferenceMode inference = new InferenceMode();
        PointerScope scope = new PointerScope()) {
      Tensor fusedLogits = allPositions || fused == null ? null : fused.forward(rows); // (rows, vocab) or null
      if (fusedLogits != null) {
        for (Row row : rows) {
          row.cache().advance(1);
        }
        return new ForwardResult(Tensors.keep(fusedLogits), null, offsets);
      }
      long[] ids = new long[total];
      List<LoraAdapter> adapterPerToken = new ArrayList<>(total);
      List<Tensor> cosParts = new ArrayList<>();
      List<Tensor> sinParts = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) {
        Row row = rows.get(r);
        for (int t = 0; t < row.tokens().length; t++) {
          ids[offsets[r] + t] = row.tokens()[t];
          adapterPerToken.add(row.adapter());
        }
        Tensor[] cs = rotary_emb.cosSin(row.cache().length(), row.tokens().length); // (n, headDim) x2
        cosParts.add(cs[0]);
        sinParts.add(cs[1]);
      }
      Tensor inputIds = Tensors.longs(ids).to(device, ScalarType.Long); // (total)
      Tensor cos = cat(cosParts, 0).to(device, compute); // (total, headDim)
      Tensor sin = cat(sinParts, 0).to(device, compute); // (total, headDim)
      LoraBatch lora = LoraBatch.of(adapterPerToken);
      Tensor[] angles = RotaryEmbedding.prepare(cos, sin); // (total, 1, headDim) x2, shared by every layer

      // 1. Embed: look up rows of embed_tokens (held dtype) and compute in the compute dtype.
      Tensor hidden = embed_tokens.index_select(0, inputIds).to(compute); // (total, hidden)

      // 2-9. The decoder layers. If one throws, caches were written past their length but not
      // advanced, so they stay consistent.
      hidden = decoderLayers(hidden, rows, offsets, angles[0], angles[1], lora); // (total, hidden)
      for (Row row : rows) {
        row.cache().advance(row.tokens().length);
      }

      // 10. Final norm and LM head (no LoRA on lm_head).
      hidden = norm.forward(hidden); // (total, hidden)
      long[] lastIdx = new long[rows.size()];
      for (int r = 0; r < rows.size(); r++) {
        lastIdx[r] = offsets[r + 1] - 1L;
      }
      Tensor last = hidden.index_select(0, Tensors.longs(lastIdx).to(device, ScalarType.Long)); // (rows, hidden)
      Tensor lastLogits = toCpuFloat(lm_head.forward(last, LoraBatch.none())); // (rows, vocab)
      Tensor allLogits = allPositions ? toCpuFloat(lm_head.forward(hidden, LoraBatch.none())) : null; // (total, vocab)
      return new ForwardResult(Tensors.keep(lastLogits), allLogits == null ? null : Tensors.keep(allLogits), offsets);
    }
  }

  /**
   * Steps 2-9 for every decoder layer.
   *
   * @param hidden (total, hidden) embedded tokens
   * @param cos (total, 1, headDim)
   * @param signedSin (total, 1, headDim), see {@link RotaryEmbedding#prepare}
   * @return (total, hidden) the residual stream after the last layer
   */
  private Tensor decoderLayers(Tensor hidden, List<Row> rows, int[] offsets, Tensor cos, Tensor signedSin,
      LoraBatch lora) {
    int total = offsets[rows.size()];
    int heads = config.numAttentionHeads();
    int kvHeads = config.numKeyValueHeads();
    int headDim = config.headDim();
    for (int i = 0; i < layers.size(); i++) {
      DecoderLayer layer = layers.get(i);
      // 2. Pre-attention RMSNorm; keep the residual.
      Tensor residual = hidden; // (total, hidden)
      Tensor h = layer.input_layernorm.forward(hidden); // (total, hidden)

      // 3. Q/K/V projections (+ bias, + LoRA), split into heads.
      Tensor[] qkv = Linear.forwardAll(layer.qkv, h, lora); // (total, out_i) x3
      Tensor q = qkv[0].view(total, heads, headDim); // (total, heads, headDim)
      Tensor k = qkv[1].view(total, kvHeads, headDim); // (total, kvHeads, headDim)
      Tensor v = qkv[2].view(total, kvHeads, headDim); // (total, kvHeads, headDim)

      // 4. Family hook: Qwen3 RMS-normalises each head of q and k here.
      q = normalizeQuery(i, q); // (total, heads, headDim)
      k = normalizeKey(i, k); // (total, kvHeads, headDim)

      // 5. RoPE at each token's position in its own sequence.
      q = RotaryEmbedding.applyPrepared(q, cos, signedSin); // (total, heads, headDim)
      k = RotaryEmbedding.applyPrepared(k, cos, signedSin); // (total, kvHeads, headDim)

      // 6-7. Append to each row's KV cache, then causal grouped-query attention per row.
      Tensor attn = attention(i, q, k, v, rows, offsets); // (total, heads*headDim)

      // 8. Output projection and residual.
      hidden = residual.add(layer.o_proj.forward(attn, lora)); // (total, hidden)

      // 9. Post-attention RMSNorm, SwiGLU MLP, residual.
      residual = hidden;
      h = layer.post_attention_layernorm.forward(hidden); // (total, hidden)
      Tensor[] gateUp = Linear.forwardAll(layer.gateUp, h, lora); // (total, intermediate) x2
      Tensor mlp = layer.down_proj.forward(torch.silu(gateUp[0]).mul(gateUp[1]), lora); // (total, hidden)
      hidden = residual.add(mlp); // (total, hidden)
    }
    return hidden;
  }

  /**
   * Causal attention of each row's new queries against its cached plus new keys.
   *
   * @param q (total, heads, headDim)
   * @param k (total, kvHeads, headDim)
   * @param v (total, kvHeads, headDim)
   * @return (total, heads*headDim)
   */
  private Tensor attention(int layer, Tensor q, Tensor k, Tensor v, List<Row> rows, int[] offsets) {
    List<Tensor> outs = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      KvCache cache = rows.get(r).cache();
      int n = offsets[r + 1] - offsets[r];
      int past = cache.length();
      Tensor qr = q.narrow(0, offsets[r], n).transpose(0, 1).unsqueeze(0); // (1, heads, n, headDim)
      Tensor kr = k.narrow(0, offsets[r], n).transpose(0, 1).unsqueeze(0); // (1, kvHeads, n, headDim)
      Tensor vr = v.narrow(0, offsets[r], n).transpose(0, 1).unsqueeze(0); // (1, kvHeads, n, headDim)
      Tensor[] kv = cache.append(layer, kr, vr); // (1, kvHeads, past+n, headDim) x2
      // SDPA's is_causal aligns the mask top-left, which is only right without a past; with a past
      // and several new tokens (or a sliding window), an explicit mask says which keys each sees.
      int window = config.slidingWindow();
      boolean windowed = window > 0 && past + n > window;
      boolean isCausal = past == 0 && n > 1 && !windowed;
      TensorOptional mask = (past > 0 && n > 1) || windowed
          ? new TensorOptional(causalMask(past, n, window, q.device()))
          : new TensorOptional();
      Tensor out = torch.scaled_dot_product_attention(
          qr, kv[0], kv[1], mask, 0.0, isCausal, new DoubleOptional(), true); // (1, heads, n, headDim)
      outs.add(out.squeeze(0).transpose(0, 1).reshape(n, (long) q.size(1) * q.size(2))); // (n, heads*headDim)
    }
    return cat(outs, 0);
  }

  /**
   * (n, past+n) boolean: query i (at position past+i) may attend key j iff j <= past+i and, with a
   * sliding window w > 0, j > past+i-w (HF Mistral's sliding_attend_mask).
   */
  private static Tensor causalMask(int past, int n, int window, Device device) {
    Tensor keyPos = torch.arange(new Scalar((long) past + n)).unsqueeze(0); // (1, past+n)
    Tensor queryPos = torch.arange(new Scalar((long) past), new Scalar((long) past + n)).unsqueeze(1); // (n, 1)
    Tensor mask = torch.le(keyPos, queryPos); // (n, past+n)
    if (window > 0) {
      mask = torch.logical_and(mask, torch.gt(keyPos, queryPos.sub(new Scalar((long) window))));
    }
    return mask.to(device, ScalarType.Bool);
  }

  private int[] pack(List<Row> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("forward needs at least one row");
    }
    Set<KvCache> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    int[] offsets = new int[rows.size() + 1];
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      if (!seen.add(row.cache())) {
        throw new IllegalArgumentException("row " + r + " reuses the KV cache of an earlier row");
      }
      for (int id : row.tokens()) {
        if (id < 0 || id >= config.vocabSize()) {
          throw new IllegalArgumentException("token id " + id + " outside the vocabulary of " + config.vocabSize());
        }
      }
      offsets[r + 1] = offsets[r] + row.tokens().length;
    }
    return offsets;
  }

  private static Tensor cat(List<Tensor> parts, long dim) {
    return parts.size() == 1 ? parts.getFirst() : torch.cat(new TensorArrayRef(new TensorVector(parts.toArray(new Tensor[0]))), dim);
  }

  private static Tensor toCpuFloat(Tensor t) {
    return t.to(ScalarType.Float).cpu().contiguous();
  }

  /**
   * Merges {@code adapter} into this model's projection weights ({@code W + scale * B A}). The
   * weights become copies owned by the model and freed by {@link #close()}; use a model instance
   * dedicated to that adapter.
   */
  public void mergeAdapter(LoraAdapter adapter) {
    for (int i = 0; i < layers.size(); i++) {
      for (Projection p : Projection.values()) {
        var w = adapter.weights(i, p);
        if (w != null) {
          layers.get(i).projection(p).merge(w);
        }
      }
    }
    if (fused != null) {
      fused = FusedDecode.of(this, matVec); // the merged weights live elsewhere
    }
  }
}
