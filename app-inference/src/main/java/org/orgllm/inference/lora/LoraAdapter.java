package org.orgllm.inference.lora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.orgllm.inference.ModelLoadException;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.safetensors.SafetensorsFile;
import org.orgllm.inference.safetensors.TensorInfo;
import org.orgllm.inference.torch.DeviceSpec;
import org.orgllm.inference.torch.Tensors;

/**
 * A PEFT LoRA adapter ({@code adapter_config.json} + {@code adapter_model.safetensors}), validated
 * against the base model's config and kept unmerged.
 *
 * <p>Follows PEFT 0.13: scale is {@code lora_alpha / r} ({@code lora_alpha / sqrt(r)} with {@code
 * use_rslora}); {@code rank_pattern} / {@code alpha_pattern} override r and alpha for modules whose
 * path ends with the pattern key. {@code fan_in_fan_out} only concerns GPT-2 style Conv1D bases: for
 * the nn.Linear projections of these families PEFT forces it to false, and so does this class.
 * {@code base_model_name_or_path} is informational; shapes and layer indices are what must match.
 */
public final class LoraAdapter implements AutoCloseable {

  /** Adapter config file name. */
  public static final String CONFIG_FILE = "adapter_config.json";

  /** Adapter weights file name. */
  public static final String WEIGHTS_FILE = "adapter_model.safetensors";

  private static final Pattern KEY =
      Pattern.compile("base_model\\.model\\.model\\.layers\\.(\\d+)\\.(self_attn|mlp)\\.(\\w+)\\.lora_([AB])(?:\\.default)?\\.weight");

  private final String name;
  private final String baseModelNameOrPath;
  private final List<Map<Projection, LoraWeights>> layers;

  private LoraAdapter(String name, String baseModelNameOrPath, List<Map<Projection, LoraWeights>> layers) {
    this.name = name;
    this.baseModelNameOrPath = baseModelNameOrPath;
    this.layers = layers;
  }

  /**
   * An adapter on all seven projections of every layer whose deltas are zero (A and B all zeros,
   * fp32 on the CPU): it changes no output, and it runs exactly the code a real adapter runs. The
   * engine's warm-up uses it so an organization's first request does not meet a cold JIT.
   */
  public static LoraAdapter zeros(ModelConfig base, int rank) {
    List<Map<Projection, LoraWeights>> layers = new ArrayList<>();
    for (int i = 0; i < base.numHiddenLayers(); i++) {
      Map<Projection, LoraWeights> layer = new EnumMap<>(Projection.class);
      for (Projection p : Projection.values()) {
        long[] shape = baseShape(base, p); // (out, in)
        layer.put(p, new LoraWeights(Tensors.keep(torch.zeros(rank, shape[1])), Tensors.keep(torch.zeros(shape[0], rank)),
            1.0));
      }
      layers.add(layer);
    }
    return new LoraAdapter("zeros", "", layers);
  }

  /** Loads the adapter in {@code folder} for a base model described by {@code base}, on the CPU. */
  public static LoraAdapter load(Path folder, ModelConfig base) {
    return load(folder, base, DeviceSpec.cpu());
  }

  /** Loads the adapter in {@code folder} for {@code base}, its weights in the device's compute dtype. */
  public static LoraAdapter load(Path folder, ModelConfig base, DeviceSpec device) {
    Path configFile = folder.resolve(CONFIG_FILE);
    if (!Files.isRegularFile(configFile)) {
      throw ModelLoadException.of(configFile, "adapter config not found");
    }
    JsonNode cfg;
    try {
      cfg = new ObjectMapper().readTree(configFile.toFile());
    } catch (IOException e) {
      throw ModelLoadException.of(configFile, "cannot parse: " + e.getMessage(), e);
    }
    checkSupported(configFile, cfg);
    Map<String, Integer> rankPattern = new HashMap<>();
    cfg.path("rank_pattern").properties().forEach(e -> rankPattern.put(e.getKey(), e.getValue().asInt()));
    Map<String, Double> alphaPattern = new HashMap<>();
    cfg.path("alpha_pattern").properties().forEach(e -> alphaPattern.put(e.getKey(), e.getValue().asDouble()));
    Scaling scaling = new Scaling(cfg.path("r").asInt(8), cfg.path("lora_alpha").asDouble(8),
        cfg.path("use_rslora").asBoolean(false), rankPattern, alphaPattern);

    Path weightsFile = folder.resolve(WEIGHTS_FILE);
    List<Map<Projection, Tensor[]>> pairs;
    // The weights are copied out, so the mapping is released right away.
    try (SafetensorsFile file = SafetensorsFile.open(weightsFile)) {
      pairs = readPairs(file, base, device);
    }
    return new LoraAdapter(folder.getFileName().toString(), cfg.path("base_model_name_or_path").asText(""),
        validate(weightsFile, pairs, base, scaling));
  }

  private static List<Map<Projection, Tensor[]>> readPairs(SafetensorsFile file, ModelConfig base, DeviceSpec device) {
    Path weightsFile = file.path();
    Map<String, TensorInfo> infos = file.tensors();
    List<Map<Projection, Tensor[]>> pairs = new ArrayList<>();
    for (int i = 0; i < base.numHiddenLayers(); i++) {
      pairs.add(new EnumMap<>(Projection.class));
    }
    Device dev = device.device();
    ScalarType dtype = device.computeType();
    for (TensorInfo info : infos.values()) {
      Matcher m = KEY.matcher(info.name());
      if (!m.matches()) {
        throw ModelLoadException.of(weightsFile, "unsupported adapter tensor '" + info.name()
            + "' (only lora_A/lora_B of decoder layer projections are supported)");
      }
      int layer = Integer.parseInt(m.group(1));
      Projection proj = Projection.of(m.group(3)).filter(p -> p.parent().equals(m.group(2)))
          .orElseThrow(() -> ModelLoadException.of(weightsFile, "tensor '" + info.name() + "' targets an unknown module"));
      if (layer >= base.numHiddenLayers()) {
        throw ModelLoadException.of(weightsFile, "tensor '" + info.name() + "' is for layer " + layer
            + " but the base model has " + base.numHiddenLayers() + " layers (adapter for another base?)");
      }
      // Copy (and convert) so the adapter does not depend on the mapping staying alive.
      Tensor t = file.tensor(info.name()).to(dev, dtype).clone();
      pairs.get(layer).computeIfAbsent(proj, p -> new Tensor[2])[m.group(4).equals("A") ? 0 : 1] = t;
    }
    return pairs;
  }

  /** r / lora_alpha / use_rslora and their per-module overrides from adapter_config.json. */
  private record Scaling(
      int r, double alpha, boolean rslora, Map<String, Integer> rankPattern, Map<String, Double> alphaPattern) {

    int rank(String module) {
      return patternValue(rankPattern, module, r);
    }

    double scale(String module) {
      int rank = rank(module);
      double a = patternValue(alphaPattern, module, alpha);
      return rslora ? a / Math.sqrt(rank) : a / rank;
    }
  }

  private static List<Map<Projection, LoraWeights>> validate(
      Path weightsFile, List<Map<Projection, Tensor[]>> pairs, ModelConfig base, Scaling scaling) {
    List<Map<Projection, LoraWeights>> layers = new ArrayList<>();
    for (int layer = 0; layer < pairs.size(); layer++) {
      Map<Projection, LoraWeights> weights = new EnumMap<>(Projection.class);
      for (Map.Entry<Projection, Tensor[]> e : pairs.get(layer).entrySet()) {
        Projection proj = e.getKey();
        String module = proj.modulePath(layer);
        String keyA = "base_model.model." + module + ".lora_A.weight";
        Tensor a = e.getValue()[0];
        Tensor b = e.getValue()[1];
        if (a == null || b == null) {
          throw ModelLoadException.of(weightsFile, module + " has only one of lora_A / lora_B");
        }
        long[] shapeA = Tensors.shape(a);
        long[] shapeB = Tensors.shape(b);
        long[] base2 = baseShape(base, proj);
        if (shapeA.length != 2 || shapeB.length != 2 || shapeA[1] != base2[1] || shapeB[0] != base2[0]
            || shapeA[0] != shapeB[1]) {
          throw ModelLoadException.of(weightsFile, "tensor '" + keyA + "' / lora_B have shapes "
              + Arrays.toString(shapeA) + " / " + Arrays.toString(shapeB)
              + " but the base " + proj + " is " + Arrays.toString(base2) + " (out, in): adapter for another base?");
        }
        int rank = scaling.rank(module);
        if (shapeA[0] != rank) {
          throw ModelLoadException.of(weightsFile, "tensor '" + keyA + "' has rank " + shapeA[0] + " but the config says r=" + rank);
        }
        weights.put(proj, new LoraWeights(a, b, scaling.scale(module)));
      }
      layers.add(weights);
    }
    return layers;
  }

  private static void checkSupported(Path configFile, JsonNode cfg) {
    String type = cfg.path("peft_type").asText("LORA");
    if (!type.equals("LORA")) {
      throw ModelLoadException.of(configFile, "peft_type " + type + " is not supported (only LORA)");
    }
    if (cfg.path("use_dora").asBoolean(false)) {
      throw ModelLoadException.of(configFile, "DoRA adapters are not supported");
    }
    String bias = cfg.path("bias").asText("none");
    if (!bias.equals("none")) {
      throw ModelLoadException.of(configFile, "bias '" + bias + "' is not supported (only 'none')");
    }
    if (cfg.hasNonNull("modules_to_save") && !cfg.get("modules_to_save").isEmpty()) {
      throw ModelLoadException.of(configFile, "modules_to_save is not supported");
    }
  }

  /** PEFT's get_pattern_key: the first pattern key k such that the module path matches {@code .*\.k$}. */
  private static <T> T patternValue(Map<String, T> pattern, String module, T fallback) {
    for (Map.Entry<String, T> e : pattern.entrySet()) {
      if (module.equals(e.getKey()) || Pattern.compile(".*\\." + e.getKey() + "$").matcher(module).matches()) {
        return e.getValue();
      }
    }
    return fallback;
  }

  /** (out, in) of a base projection. */
  private static long[] baseShape(ModelConfig c, Projection p) {
    long q = (long) c.numAttentionHeads() * c.headDim();
    long kv = (long) c.numKeyValueHeads() * c.headDim();
    return switch (p) {
      case q_proj -> new long[] {q, c.hiddenSize()};
      case k_proj, v_proj -> new long[] {kv, c.hiddenSize()};
      case o_proj -> new long[] {c.hiddenSize(), q};
      case gate_proj, up_proj -> new long[] {c.intermediateSize(), c.hiddenSize()};
      case down_proj -> new long[] {c.hiddenSize(), c.intermediateSize()};
    };
  }

  /** The adapter's weights for one projection, or null when it does not target it. */
  public LoraWeights weights(int layer, Projection proj) {
    return layers.get(layer).get(proj);
  }

  /** The folder name, for logs. */
  public String name() {
    return name;
  }

  /** {@code base_model_name_or_path} from the config (informational only). */
  public String baseModelNameOrPath() {
    return baseModelNameOrPath;
  }

  /** Bytes held by the A and B matrices: the memory this adapter adds to the base model. */
  public long byteSize() {
    long bytes = 0;
    for (Map<Projection, LoraWeights> layer : layers) {
      for (LoraWeights w : layer.values()) {
        bytes += w.lora_A().nbytes() + w.lora_B().nbytes();
      }
    }
    return bytes;
  }

  /**
   * Frees the weights now instead of at garbage collection. Call only when no forward can use the
   * adapter any more (the engine's adapter cache counts the rows still running on it).
   */
  @Override
  public void close() {
    for (Map<Projection, LoraWeights> layer : layers) {
      for (LoraWeights w : layer.values()) {
        w.lora_A().close();
        w.lora_B().close();
      }
      layer.clear();
    }
  }

  @Override
  public String toString() {
    return "LoraAdapter[" + name + "]";
  }
}
