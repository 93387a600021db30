package org.orgllm.inference.config;

import java.util.Arrays;
import java.util.Optional;

/** The decoder families this engine runs, keyed by the {@code architectures} entry of config.json. */
public enum Family {
  QWEN2("Qwen2ForCausalLM", "qwen2"),
  QWEN3("Qwen3ForCausalLM", "qwen3"),
  LLAMA("LlamaForCausalLM", "llama"),
  /** Mistral is Llama without biases, with an optional sliding attention window. */
  MISTRAL("MistralForCausalLM", "mistral");

  private final String architecture;
  private final String modelType;

  Family(String architecture, String modelType) {
    this.architecture = architecture;
    this.modelType = modelType;
  }

  /** The Hugging Face class name, e.g. {@code Qwen2ForCausalLM}. */
  public String architecture() {
    return architecture;
  }

  /** The {@code model_type} value, e.g. {@code qwen2}. */
  public String modelType() {
    return modelType;
  }

  /** The family of an architecture name. */
  public static Optional<Family> ofArchitecture(String architecture) {
    return Arrays.stream(values()).filter(f -> f.architecture.equals(architecture)).findFirst();
  }

  /** The family of a model_type. */
  public static Optional<Family> ofModelType(String modelType) {
    return Arrays.stream(values()).filter(f -> f.modelType.equals(modelType)).findFirst();
  }
}
