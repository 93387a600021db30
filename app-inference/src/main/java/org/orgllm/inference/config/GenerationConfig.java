package org.orgllm.inference.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.orgllm.inference.ModelLoadException;

/**
 * Generation defaults from {@code generation_config.json}.
 *
 * @param eosTokenIds end-of-sequence ids (the file allows an int or a list)
 * @param bosTokenId beginning-of-sequence id, or null
 * @param padTokenId padding id, or null
 * @param doSample whether the model's authors sample by default
 * @param temperature default temperature
 * @param topK default top-k (0 = off)
 * @param topP default nucleus mass (1 = off)
 * @param repetitionPenalty default repetition penalty (1 = off)
 */
public record GenerationConfig(
    List<Integer> eosTokenIds,
    Integer bosTokenId,
    Integer padTokenId,
    boolean doSample,
    double temperature,
    int topK,
    double topP,
    double repetitionPenalty) {

  /** The file name inside a model folder. */
  public static final String FILE = "generation_config.json";

  /** Defaults of transformers' GenerationConfig, with the given eos ids. */
  public static GenerationConfig defaults(List<Integer> eosTokenIds) {
    return new GenerationConfig(List.copyOf(eosTokenIds), null, null, false, 1.0, 50, 1.0, 1.0);
  }

  /**
   * Reads {@code folder/generation_config.json}; when absent, falls back to the eos/bos ids of
   * config.json as transformers does.
   */
  public static GenerationConfig read(Path folder) {
    Path file = folder.resolve(FILE);
    Path fallback = folder.resolve(ModelConfig.FILE);
    Path source = Files.isRegularFile(file) ? file : fallback;
    if (!Files.isRegularFile(source)) {
      return defaults(List.of());
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(source.toFile());
    } catch (IOException e) {
      throw ModelLoadException.of(source, "cannot parse: " + e.getMessage(), e);
    }
    return parse(root);
  }

  /** Parses a generation_config.json tree. */
  public static GenerationConfig parse(JsonNode root) {
    return new GenerationConfig(
        ids(root.get("eos_token_id")),
        optionalInt(root.get("bos_token_id")),
        optionalInt(root.get("pad_token_id")),
        root.path("do_sample").asBoolean(false),
        root.path("temperature").asDouble(1.0),
        root.path("top_k").asInt(50),
        root.path("top_p").asDouble(1.0),
        root.path("repetition_penalty").asDouble(1.0));
  }

  private static List<Integer> ids(JsonNode node) {
    List<Integer> ids = new ArrayList<>();
    if (node == null || node.isNull()) {
      return ids;
    }
    if (node.isArray()) {
      node.forEach(n -> ids.add(n.asInt()));
    } else {
      ids.add(node.asInt());
    }
    return List.copyOf(ids);
  }

  private static Integer optionalInt(JsonNode node) {
    return node == null || node.isNull() ? null : node.asInt();
  }

  /** Whether {@code id} ends a sequence. */
  public boolean isEos(int id) {
    return eosTokenIds.contains(id);
  }
}
