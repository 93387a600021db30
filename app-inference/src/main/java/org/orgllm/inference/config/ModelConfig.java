package org.orgllm.inference.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.orgllm.inference.ModelLoadException;

/**
 * The architecture hyper-parameters of a model, read from {@code config.json}.
 *
 * @param family decoder family (from {@code architectures}, else {@code model_type})
 * @param hiddenSize width of the residual stream
 * @param intermediateSize width of the MLP
 * @param numHiddenLayers decoder layers
 * @param numAttentionHeads query heads
 * @param numKeyValueHeads key/value heads (GQA when fewer than query heads)
 * @param headDim per-head width ({@code head_dim} when given, else hidden / heads)
 * @param vocabSize vocabulary size
 * @param maxPositionEmbeddings context length the model was configured for
 * @param rmsNormEps RMSNorm epsilon
 * @param ropeTheta RoPE base
 * @param ropeScaling RoPE scaling rule
 * @param attentionBias the {@code attention_bias} key (Llama, Qwen3); each family decides which
 *     projections it applies to (Qwen2 always has q/k/v biases, Mistral never)
 * @param mlpBias the {@code mlp_bias} key (Llama only)
 * @param slidingWindow attention window (0 = full causal): Mistral's {@code sliding_window}, Qwen2's
 *     only when {@code use_sliding_window}
 * @param tieWordEmbeddings whether lm_head reuses embed_tokens
 * @param torchDtype the stored dtype named in config.json (informational)
 */
public record ModelConfig(
    Family family,
    int hiddenSize,
    int intermediateSize,
    int numHiddenLayers,
    int numAttentionHeads,
    int numKeyValueHeads,
    int headDim,
    int vocabSize,
    int maxPositionEmbeddings,
    double rmsNormEps,
    double ropeTheta,
    RopeScaling ropeScaling,
    boolean attentionBias,
    boolean mlpBias,
    int slidingWindow,
    boolean tieWordEmbeddings,
    String torchDtype) {

  /** The file name inside a model folder. */
  public static final String FILE = "config.json";

  /** Reads {@code folder/config.json}. */
  public static ModelConfig read(Path folder) {
    Path file = folder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw ModelLoadException.of(file, "model config not found");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw ModelLoadException.of(file, "cannot parse: " + e.getMessage(), e);
    }
    return parse(file, root);
  }

  /** Parses a config.json tree; {@code file} is only used in error messages. */
  public static ModelConfig parse(Path file, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw ModelLoadException.of(file, "not a JSON object");
    }
    Family family = family(file, root);
    int hidden = required(file, root, "hidden_size");
    int heads = required(file, root, "num_attention_heads");
    int kvHeads = root.path("num_key_value_heads").isNumber() ? root.get("num_key_value_heads").asInt() : heads;
    int headDim = root.path("head_dim").isNumber() ? root.get("head_dim").asInt() : hidden / Math.max(heads, 1);
    if (heads <= 0 || kvHeads <= 0 || heads % kvHeads != 0) {
      throw ModelLoadException.of(
          file, "num_attention_heads " + heads + " is not a positive multiple of num_key_value_heads " + kvHeads);
    }
    int maxPos = root.path("max_position_embeddings").asInt(2048);
    return new ModelConfig(
        family,
        hidden,
        required(file, root, "intermediate_size"),
        required(file, root, "num_hidden_layers"),
        heads,
        kvHeads,
        headDim,
        required(file, root, "vocab_size"),
        maxPos,
        root.path("rms_norm_eps").asDouble(1e-6),
        root.path("rope_theta").asDouble(10000.0),
        ropeScaling(file, root.get("rope_scaling")),
        root.path("attention_bias").asBoolean(false),
        root.path("mlp_bias").asBoolean(false),
        slidingWindow(family, root),
        root.path("tie_word_embeddings").asBoolean(false),
        root.path("torch_dtype").asText("float32"));
  }

  private static int slidingWindow(Family family, JsonNode root) {
    boolean enabled = switch (family) {
      case MISTRAL -> true;
      case QWEN2, QWEN3 -> root.path("use_sliding_window").asBoolean(false);
      case LLAMA -> false;
    };
    return enabled && root.path("sliding_window").isNumber() ? root.get("sliding_window").asInt() : 0;
  }

  private static Family family(Path file, JsonNode root) {
    JsonNode archs = root.get("architectures");
    if (archs != null && archs.isArray() && !archs.isEmpty()) {
      String arch = archs.get(0).asText();
      return Family.ofArchitecture(arch)
          .orElseThrow(() -> ModelLoadException.of(
              file, "unsupported architecture " + arch + " (supported: Qwen2ForCausalLM, Qwen3ForCausalLM, "
                  + "LlamaForCausalLM, MistralForCausalLM)"));
    }
    String modelType = root.path("model_type").asText("");
    return Family.ofModelType(modelType)
        .orElseThrow(() -> ModelLoadException.of(
            file, "unsupported or missing architecture (architectures absent, model_type '" + modelType + "')"));
  }

  private static int required(Path file, JsonNode root, String key) {
    JsonNode n = root.get(key);
    if (n == null || !n.canConvertToInt() || n.asInt() <= 0) {
      throw ModelLoadException.of(file, "missing or invalid '" + key + "'");
    }
    return n.asInt();
  }

  private static RopeScaling ropeScaling(Path file, JsonNode node) {
    if (node == null || node.isNull()) {
      return RopeScaling.none();
    }
    // transformers accepts the legacy key "type" as well as "rope_type".
    String type = node.path("rope_type").asText(node.path("type").asText("default")).toLowerCase(Locale.ROOT);
    double factor = node.path("factor").asDouble(1.0);
    return switch (type) {
      case "default" -> RopeScaling.none();
      case "linear" -> new RopeScaling(RopeScaling.Type.LINEAR, factor, 0, 0, 0);
      case "dynamic" -> new RopeScaling(RopeScaling.Type.DYNAMIC, factor, 0, 0, 0);
      case "llama3" -> {
        if (!node.path("original_max_position_embeddings").canConvertToInt()) {
          throw ModelLoadException.of(file, "rope_scaling llama3 needs original_max_position_embeddings");
        }
        yield new RopeScaling(
            RopeScaling.Type.LLAMA3,
            factor,
            node.path("low_freq_factor").asDouble(1.0),
            node.path("high_freq_factor").asDouble(4.0),
            node.get("original_max_position_embeddings").asInt());
      }
      default -> throw ModelLoadException.of(
          file, "unsupported rope_scaling type '" + type + "' (supported: default, linear, dynamic, llama3)");
    };
  }

  /** Query heads per key/value head. */
  public int groupSize() {
    return numAttentionHeads / numKeyValueHeads;
  }
}
