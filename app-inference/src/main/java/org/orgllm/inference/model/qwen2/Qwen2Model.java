package org.orgllm.inference.model.qwen2;

import org.orgllm.inference.config.GenerationConfig;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.model.DecoderModel;
import org.orgllm.inference.model.LoadOptions;
import org.orgllm.inference.model.WeightLoader;

/** {@code Qwen2ForCausalLM}: {@code Qwen2Attention} hard-codes {@code bias=True} on q/k/v only. */
public class Qwen2Model extends DecoderModel {

  /** Loads the weights of a Qwen2 checkpoint. */
  public Qwen2Model(ModelConfig config, GenerationConfig generation, WeightLoader weights, LoadOptions options) {
    super(config, generation, weights, options, new Biases(true, false, false));
  }
}
