package org.orgllm.inference.model;

import org.bytedeco.pytorch.Tensor;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.lora.Projection;

/**
 * The weights of one decoder layer ({@code model.layers.N.*}); the computation lives in {@link
 * DecoderModel#forward} so it reads top to bottom.
 */
public final class DecoderLayer {

  final RmsNorm input_layernorm;
  final Linear q_proj; // (heads*headDim, hidden)
  final Linear k_proj; // (kvHeads*headDim, hidden)
  final Linear v_proj; // (kvHeads*headDim, hidden)
  final Linear o_proj; // (hidden, heads*headDim)
  final RmsNorm post_attention_layernorm;
  final Linear gate_proj; // (intermediate, hidden)
  final Linear up_proj; // (intermediate, hidden)
  final Linear down_proj; // (hidden, intermediate)
  final Linear[] qkv; // q_proj, k_proj, v_proj: one input, computed together in decode
  final Linear[] gateUp; // gate_proj, up_proj: one input, computed together in decode

  /** Loads layer {@code i}, with biases where the family has them. */
  DecoderLayer(WeightLoader w, ModelConfig c, int i, DecoderModel.Biases biases) {
    String p = "model.layers." + i + ".";
    long hidden = c.hiddenSize();
    long q = (long) c.numAttentionHeads() * c.headDim();
    long kv = (long) c.numKeyValueHeads() * c.headDim();
    long inter = c.intermediateSize();
    input_layernorm = new RmsNorm(w.get(p + "input_layernorm.weight", hidden), c.rmsNormEps());
    q_proj = linear(w, i, Projection.q_proj, q, hidden, biases.qkv());
    k_proj = linear(w, i, Projection.k_proj, kv, hidden, biases.qkv());
    v_proj = linear(w, i, Projection.v_proj, kv, hidden, biases.qkv());
    o_proj = linear(w, i, Projection.o_proj, hidden, q, biases.o());
    post_attention_layernorm = new RmsNorm(w.get(p + "post_attention_layernorm.weight", hidden), c.rmsNormEps());
    gate_proj = linear(w, i, Projection.gate_proj, inter, hidden, biases.mlp());
    up_proj = linear(w, i, Projection.up_proj, inter, hidden, biases.mlp());
    down_proj = linear(w, i, Projection.down_proj, hidden, inter, biases.mlp());
    qkv = new Linear[] {q_proj, k_proj, v_proj};
    gateUp = new Linear[] {gate_proj, up_proj};
  }

  private static Linear linear(WeightLoader w, int layer, Projection proj, long out, long in, boolean bias) {
    String name = proj.modulePath(layer);
    Tensor weight = w.get(name + ".weight", out, in);
    Tensor b = bias ? w.get(name + ".bias", out) : null;
    return new Linear(name, layer, proj, weight, b);
  }

  /** The projection {@code proj} of this layer. */
  public Linear projection(Projection proj) {
    return switch (proj) {
      case q_proj -> q_proj;
      case k_proj -> k_proj;
      case v_proj -> v_proj;
      case o_proj -> o_proj;
      case gate_proj -> gate_proj;
      case up_proj -> up_proj;
      case down_proj -> down_proj;
    };
  }
}
