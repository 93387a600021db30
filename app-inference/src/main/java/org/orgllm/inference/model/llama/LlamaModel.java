package org.orgllm.inference.model.llama;

import org.orgllm.inference.config.GenerationConfig;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.model.DecoderModel;
import org.orgllm.inference.model.LoadOptions;
import org.orgllm.inference.model.WeightLoader;

/** {@code LlamaForCausalLM} / {@code MistralForCausalLM}: the plain decoder. */
public class LlamaModel extends DecoderModel {

  /** Loads the weights of a Llama or Mistral checkpoint. */
  public LlamaModel(ModelConfig config, GenerationConfig generation, WeightLoader weights, LoadOptions options) {
    super(config, generation, weights, options,
        new Biases(config.attentionBias(), config.attentionBias(), config.mlpBias()));
  }
}
