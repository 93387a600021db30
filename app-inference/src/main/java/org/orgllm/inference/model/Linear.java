package org.orgllm.inference.model;

import java.util.Arrays;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.bytedeco.pytorch.global.torch;
import org.orgllm.inference.lora.LoraBatch;
import org.orgllm.inference.lora.LoraWeights;
import org.orgllm.inference.lora.Projection;
import org.orgllm.inference.torch.ParallelMatVec;
import org.orgllm.inference.torch.SimdKernels;
import org.orgllm.inference.torch.Tensors;

/**
 * One projection {@code y = x W^T + b}, plus the unmerged LoRA deltas of the batch's adapters.
 *
 * <p>This is the single place where weights meet activations. A single CPU row (decode) goes through
 * {@code mv} (measured ~3x faster than {@code linear} on a [1, K] input, as decode is bandwidth
 * bound), optionally split over threads by a {@link ParallelMatVec}; several rows use one {@code
 * linear} (GEMM). Other kernels plug in by overriding {@link #base(Tensor)}.
 */
public class Linear {

  /** Up to this many rows (a decode batch) use {@link #smallBatch}; more (prefill) use {@code linear}. */
  static final long SMALL_BATCH_ROWS = 64;

  private final String name;
  private final int layer;
  private final Projection projection;
  private Tensor weight; // (out, in), held dtype
  private final Tensor bias; // (out) or null
  private ParallelMatVec matVec; // null: single-thread mv for one row
  private boolean owned; // the weight is a merged copy this projection must free

  /**
   * @param name checkpoint key prefix, e.g. {@code model.layers.0.self_attn.q_proj}
   * @param layer decoder layer index (for LoRA lookup), or -1
   * @param projection which projection this is (for LoRA lookup), or null (lm_head)
   * @param weight (out, in)
   * @param bias (out) or null
   */
  public Linear(String name, int layer, Projection projection, Tensor weight, Tensor bias) {
    this.name = name;
    this.layer = layer;
    this.projection = projection;
    this.weight = weight;
    this.bias = bias;
  }

  /** The checkpoint key prefix. */
  public String name() {
    return name;
  }

  /** The weight (out, in) as held. */
  public Tensor weight() {
    return weight;
  }

  /** The bias (out) as held, or null. */
  public Tensor bias() {
    return bias;
  }

  /** Bytes of weight and bias as held: what one decode step reads for this projection. */
  public long bytes() {
    return weight.nbytes() + (bias == null ? 0 : bias.nbytes());
  }

  /** Output features. */
  public long outFeatures() {
    return weight.size(0);
  }

  /**
   * Applies the projection and the LoRA deltas.
   *
   * @param x (tokens, in) in the compute dtype
   * @return (tokens, out)
   */
  public Tensor forward(Tensor x, LoraBatch lora) {
    Tensor y = base(x); // (tokens, out)
    if (projection != null) {
      lora.apply(layer, projection, x, y);
    }
    return y;
  }

  /**
   * Applies several projections of the same input, e.g. q/k/v or gate/up, each with its LoRA deltas.
   * A single CPU row whose projections share one {@link ParallelMatVec} goes through {@link
   * ParallelMatVec#mvAll} (one thread hand-off for all); anything else is {@link #forward} per
   * projection.
   *
   * @param x (tokens, in) in the compute dtype
   * @return (tokens, out_i) per projection
   */
  static Tensor[] forwardAll(Linear[] linears, Tensor x, LoraBatch lora) {
    Tensor[] ys = new Tensor[linears.length];
    ParallelMatVec shared = linears[0].matVec;
    boolean together = shared != null && x.size(0) == 1 && !x.is_cuda();
    long elements = 0;
    for (Linear l : linears) {
      together &= l.matVec == shared;
      elements += l.weight.numel();
    }
    together &= shared != null && elements >= shared.minElements();
    if (!together) {
      for (int i = 0; i < linears.length; i++) {
        ys[i] = linears[i].forward(x, lora);
      }
      return ys;
    }
    Tensor[] weights = new Tensor[linears.length];
    Tensor[] biases = new Tensor[linears.length];
    for (int i = 0; i < linears.length; i++) {
      weights[i] = linears[i].weight;
      biases[i] = linears[i].bias;
    }
    Tensor[] vs = shared.mvAll(weights, x.reshape(-1), biases); // (out_i) each
    for (int i = 0; i < linears.length; i++) {
      ys[i] = vs[i].view(1, -1); // (1, out_i)
      if (linears[i].projection != null) {
        lora.apply(linears[i].layer, linears[i].projection, x, ys[i]);
      }
    }
    return ys;
  }

  /**
   * The plain projection. Weights held in a narrower dtype than the activations are upcast per call
   * so the math stays in the compute dtype (bf16 weights, fp32 accuracy).
   *
   * @param x (tokens, in)
   * @return (tokens, out)
   */
  protected Tensor base(Tensor x) {
    ScalarType compute = x.scalar_type();
    long rows = x.size(0);
    if (!x.is_cuda() && rows == 1) {
      // The mv kernels take a narrower weight as is and convert it block by block in cache.
      return singleRow(weight, x, bias);
    }
    if (!x.is_cuda() && rows <= SimdKernels.MAX_ROWS && ParallelMatVec.useSimd(weight, x, bias)) {
      // A few rows (batched decode): the vector kernel reads each weight row once for all of them.
      return matVec != null && weight.numel() >= matVec.minElements()
          ? matVec.rows(weight, x, bias) : ParallelMatVec.rowsSingle(weight, x, bias);
    }
    if (!x.is_cuda() && matVec != null && weight.numel() >= matVec.minElements()) {
      // Each thread runs the GEMM (and, for a narrower weight, the upcast) of its share of the rows.
      return matVec.mm(weight, x, bias, Linear::multiRow);
    }
    Tensor b = bias == null ? null : castBias(compute);
    if (weight.scalar_type().value == compute.value) {
      return multiRow(weight, x, b);
    }
    // An upcast copy of the whole weight (bf16 held, fp32 GEMM): freed right after its GEMM, or every
    // layer's copy would live until the end of the forward pass and double the peak memory.
    try (Tensor w = weight.to(compute)) {
      return multiRow(w, x, b);
    }
  }

  private static Tensor multiRow(Tensor w, Tensor x, Tensor b) {
    if (!x.is_cuda() && x.size(0) <= SMALL_BATCH_ROWS) {
      return smallBatch(w, x, b);
    }
    return b == null ? torch.linear(x, w) : torch.linear(x, w, new TensorOptional(b));
  }

  /**
   * (rows, in) -> (rows, out) as {@code (W x^T)^T}: for a few rows (batched decode) OpenBLAS ran this
   * orientation 1.15-1.9x faster than {@code linear} on this CPU (2 to 32 rows; equal at 256).
   */
  private static Tensor smallBatch(Tensor w, Tensor x, Tensor b) {
    Tensor y = w.matmul(x.t()).t().contiguous(); // (rows, out)
    return b == null ? y : y.add_(b);
  }

  private Tensor castBias(ScalarType compute) {
    return bias.scalar_type().value == compute.value ? bias : bias.to(compute);
  }

  /** (1, in) -> (1, out) through mv. */
  private Tensor singleRow(Tensor w, Tensor x, Tensor b) {
    Tensor v = x.reshape(-1); // (in)
    Tensor y = matVec != null ? matVec.mv(w, v, b) : ParallelMatVec.single(w, v, b); // (out)
    return y.view(1, -1);
  }

  /** Splits single-row projections over threads with {@code kernel} (null: one thread). */
  void useMatVec(ParallelMatVec kernel) {
    this.matVec = kernel;
  }

  /**
   * Replaces the weight by {@code W + scale * B A} (a new tensor; mapped memory is never written).
   * Only for a model instance dedicated to that adapter, e.g. to check merged equals unmerged.
   */
  public void merge(LoraWeights lora) {
    Tensor merged;
    // The product, its upcast and the sum are temporaries; only the merged weight is kept, owned by
    // this projection until release(): native memory must not wait for a garbage collection (four
    // merged copies of the 0.5B-shaped model once reached 18.6 GB that way).
    try (PointerScope scope = new PointerScope()) {
      merged = Tensors.keep(lora.merge(weight)); // (out, in)
    }
    release();
    weight = merged;
    owned = true;
  }

  /** Frees a weight this projection owns (a merged one); the checkpoint's own are left alone. */
  void release() {
    if (owned) {
      weight.close();
      owned = false;
    }
  }

  @Override
  public String toString() {
    return name + Arrays.toString(Tensors.shape(weight));
  }
}
