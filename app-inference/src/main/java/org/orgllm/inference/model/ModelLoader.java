package org.orgllm.inference.model;

import java.nio.file.Files;
import java.nio.file.Path;
import org.orgllm.inference.ModelLoadException;
import org.orgllm.inference.config.GenerationConfig;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.model.llama.LlamaModel;
import org.orgllm.inference.model.qwen2.Qwen2Model;
import org.orgllm.inference.model.qwen3.Qwen3Model;
import org.orgllm.inference.safetensors.SafetensorsIndex;
import org.orgllm.inference.torch.TorchRuntime;

/**
 * Builds a {@link DecoderModel} from a Hugging Face folder: config.json, generation_config.json and
 * the safetensors weights (single file or sharded).
 */
public final class ModelLoader {

  private ModelLoader() {}

  /** Loads {@code folder} with default options (fp32 weights, CPU). */
  public static DecoderModel load(Path folder) {
    return load(folder, LoadOptions.defaults());
  }

  /**
   * Loads {@code folder}.
   *
   * @throws ModelLoadException naming the file and problem for a missing, unsupported or
   *     inconsistent folder
   */
  public static DecoderModel load(Path folder, LoadOptions options) {
    if (!Files.isDirectory(folder)) {
      throw ModelLoadException.of(folder, "model folder not found");
    }
    TorchRuntime.init();
    ModelConfig config = ModelConfig.read(folder);
    GenerationConfig generation = GenerationConfig.read(folder);
    SafetensorsIndex index = SafetensorsIndex.open(folder);
    WeightLoader weights = new WeightLoader(index, options);
    try {
      DecoderModel model = switch (config.family()) {
        case QWEN2 -> new Qwen2Model(config, generation, weights, options);
        case QWEN3 -> new Qwen3Model(config, generation, weights, options);
        case LLAMA, MISTRAL -> new LlamaModel(config, generation, weights, options);
      };
      model.enableFusedDecode();
      return model;
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }
}
