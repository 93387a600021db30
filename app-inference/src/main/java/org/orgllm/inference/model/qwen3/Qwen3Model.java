package org.orgllm.inference.model.qwen3;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.orgllm.inference.config.GenerationConfig;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.model.DecoderModel;
import org.orgllm.inference.model.LoadOptions;
import org.orgllm.inference.model.RmsNorm;
import org.orgllm.inference.model.WeightLoader;

/** {@code Qwen3ForCausalLM}: adds per-head q/k RMSNorm ({@code self_attn.q_norm}, {@code self_attn.k_norm}). */
public class Qwen3Model extends DecoderModel {

  private final List<RmsNorm> q_norm; // per layer, weight (headDim)
  private final List<RmsNorm> k_norm; // per layer, weight (headDim)

  /** Loads the weights of a Qwen3 checkpoint. */
  public Qwen3Model(ModelConfig config, GenerationConfig generation, WeightLoader weights, LoadOptions options) {
    super(config, generation, weights, options,
        new Biases(config.attentionBias(), config.attentionBias(), false));
    List<RmsNorm> q = new ArrayList<>();
    List<RmsNorm> k = new ArrayList<>();
    for (int i = 0; i < config.numHiddenLayers(); i++) {
      String p = "model.layers." + i + ".self_attn.";
      q.add(new RmsNorm(weights.get(p + "q_norm.weight", config.headDim()), config.rmsNormEps()));
      k.add(new RmsNorm(weights.get(p + "k_norm.weight", config.headDim()), config.rmsNormEps()));
    }
    this.q_norm = List.copyOf(q);
    this.k_norm = List.copyOf(k);
  }

  @Override
  protected RmsNorm queryNorm(int layer) {
    return q_norm.get(layer);
  }

  @Override
  protected RmsNorm keyNorm(int layer) {
    return k_norm.get(layer);
  }
}
