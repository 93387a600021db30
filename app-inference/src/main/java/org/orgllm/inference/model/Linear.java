package org.orgllm.inference.model;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.orgllm.inference.lora.LoraBatch;
import org.orgllm.inference.lora.LoraWeights;
import org.orgllm.inference.lora.Projection;
import org.orgllm.inference.torch.Tensors;

/**
 * One projection {@code y = x W^T + b}, plus the unmerged LoRA deltas of the batch's adapters.
 *
 * <p>This is the single place where weights meet activations, so a faster kernel for single-row
 * decode (e.g. {@code mv} split over threads) plugs in by overriding {@link #base(Tensor)}.
 */
public class Linear {

  private final String name;
  private final int layer;
  private final Projection projection;
  private Tensor weight; // (out, in), held dtype
  private final Tensor bias; // (out) or null

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
   * The plain projection. Weights held in a narrower dtype than the activations are upcast per call
   * so the math stays in the compute dtype (bf16 weights, fp32 accuracy).
   *
   * @param x (tokens, in)
   * @return (tokens, out)
   */
  protected Tensor base(Tensor x) {
    ScalarType compute = x.scalar_type();
    Tensor w = weight.scalar_type().value == compute.value ? weight : weight.to(compute);
    if (bias == null) {
      return torch.linear(x, w);
    }
    Tensor b = bias.scalar_type().value == compute.value ? bias : bias.to(compute);
    return torch.linear(x, w, new TensorOptional(b));
  }

  /**
   * Replaces the weight by {@code W + scale * B A} (a new tensor; mapped memory is never written).
   * Only for a model instance dedicated to that adapter, e.g. to check merged equals unmerged.
   */
  public void merge(LoraWeights lora) {
    weight = lora.merge(weight);
  }

  @Override
  public String toString() {
    return name + java.util.Arrays.toString(Tensors.shape(weight));
  }
}
