package org.orgllm.inference.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orgllm.inference.ModelLoadException;

/**
 * A model's tokenizer: {@code tokenizer.json} for the pipeline, {@code tokenizer_config.json} (when
 * present) for the named special tokens and the chat template.
 *
 * <p>Semantics follow Hugging Face's {@code tokenizer(text)}: {@link #encode(String)} runs the
 * tokenizer.json post-processor, which adds nothing for Qwen and a BOS for Llama; text rendered from
 * a chat template already contains its special tokens and is encoded with {@link
 * #encode(String, boolean)} and {@code false}, as {@code apply_chat_template} does. Nothing is ever
 * truncated (DJL would silently cut at 512 tokens by default).
 *
 * <p>Thread-safe for encode/decode; {@link #close()} releases the native tokenizer.
 */
public final class Tokenizer implements AutoCloseable {

  /** The pipeline file. */
  public static final String FILE = "tokenizer.json";

  /** The optional config with special-token names and the chat template. */
  public static final String CONFIG_FILE = "tokenizer_config.json";

  private final HuggingFaceTokenizer withSpecial;
  private final HuggingFaceTokenizer withoutSpecial;
  private final Map<String, Integer> vocab;
  private final Map<Integer, String> tokens;
  private final Set<Integer> specialIds;
  private final Integer bosId;
  private final Integer eosId;
  private final Integer padId;
  private final String chatTemplate;

  private Tokenizer(
      HuggingFaceTokenizer withSpecial,
      HuggingFaceTokenizer withoutSpecial,
      Map<String, Integer> vocab,
      Set<Integer> specialIds,
      JsonNode config) {
    this.withSpecial = withSpecial;
    this.withoutSpecial = withoutSpecial;
    this.vocab = vocab;
    Map<Integer, String> inverse = new HashMap<>();
    vocab.forEach((t, id) -> inverse.put(id, t));
    this.tokens = Collections.unmodifiableMap(inverse);
    this.specialIds = specialIds;
    this.bosId = namedId(config, "bos_token");
    this.eosId = namedId(config, "eos_token");
    this.padId = namedId(config, "pad_token");
    this.chatTemplate = config.path("chat_template").isTextual() ? config.get("chat_template").asText() : null;
  }

  /** Loads the tokenizer of a model folder. */
  public static Tokenizer load(Path folder) {
    Path file = folder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw ModelLoadException.of(file, "tokenizer not found");
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode root;
    try {
      root = json.readTree(file.toFile());
    } catch (IOException e) {
      throw ModelLoadException.of(file, "cannot parse: " + e.getMessage(), e);
    }
    Map<String, Integer> vocab = new HashMap<>();
    JsonNode modelVocab = root.path("model").path("vocab");
    if (modelVocab.isObject()) {
      modelVocab.properties().forEach(e -> vocab.put(e.getKey(), e.getValue().asInt()));
    } else if (modelVocab.isArray()) { // Unigram: [[piece, score], ...]
      for (int i = 0; i < modelVocab.size(); i++) {
        vocab.put(modelVocab.get(i).get(0).asText(), i);
      }
    }
    Set<Integer> special = new LinkedHashSet<>();
    for (JsonNode added : root.path("added_tokens")) {
      vocab.put(added.get("content").asText(), added.get("id").asInt());
      if (added.path("special").asBoolean(false)) {
        special.add(added.get("id").asInt());
      }
    }
    JsonNode config = json.createObjectNode();
    Path configFile = folder.resolve(CONFIG_FILE);
    if (Files.isRegularFile(configFile)) {
      try {
        config = json.readTree(configFile.toFile());
      } catch (IOException e) {
        throw ModelLoadException.of(configFile, "cannot parse: " + e.getMessage(), e);
      }
    }
    try {
      return new Tokenizer(build(file, true), build(file, false), Collections.unmodifiableMap(vocab),
          Collections.unmodifiableSet(special), config);
    } catch (IOException | RuntimeException e) {
      throw ModelLoadException.of(file, "cannot load tokenizer: " + e.getMessage(), e);
    }
  }

  private static HuggingFaceTokenizer build(Path file, boolean addSpecialTokens) throws IOException {
    Map<String, String> options = Map.of(
        "addSpecialTokens", Boolean.toString(addSpecialTokens),
        "truncation", "false",
        "padding", "false");
    try (var in = Files.newInputStream(file)) {
      return HuggingFaceTokenizer.newInstance(in, options);
    }
  }

  private Integer namedId(JsonNode config, String key) {
    JsonNode node = config.get(key);
    if (node == null || node.isNull()) {
      return null;
    }
    String content = node.isObject() ? node.path("content").asText() : node.asText();
    return vocab.get(content);
  }

  /** Ids of {@code text} as HF's {@code tokenizer(text)} gives them (post-processor applied). */
  public int[] encode(String text) {
    return encode(text, true);
  }

  /**
   * Ids of {@code text}.
   *
   * @param addSpecialTokens whether the tokenizer.json post-processor may add tokens (e.g. Llama's BOS);
   *     false for text rendered from a chat template
   */
  public int[] encode(String text, boolean addSpecialTokens) {
    long[] ids = (addSpecialTokens ? withSpecial : withoutSpecial).encode(text, addSpecialTokens, false).getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = Math.toIntExact(ids[i]);
    }
    return out;
  }

  /** Text of {@code ids}; special tokens are kept unless {@code skipSpecial}. */
  public String decode(int[] ids, boolean skipSpecial) {
    long[] l = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      l[i] = ids[i];
    }
    return withSpecial.decode(l, skipSpecial);
  }

  /** The id of a token string (vocabulary or added token). */
  public Optional<Integer> tokenToId(String token) {
    return Optional.ofNullable(vocab.get(token));
  }

  /** The token string of an id. */
  public Optional<String> idToToken(int id) {
    return Optional.ofNullable(tokens.get(id));
  }

  /** Vocabulary size including added tokens (may be below the model's padded vocab_size). */
  public int vocabSize() {
    return vocab.size();
  }

  /** Ids of the added tokens marked special. */
  public Set<Integer> specialIds() {
    return specialIds;
  }

  /** The BOS id named in tokenizer_config.json, if any. */
  public Optional<Integer> bosId() {
    return Optional.ofNullable(bosId);
  }

  /** The EOS id named in tokenizer_config.json, if any. */
  public Optional<Integer> eosId() {
    return Optional.ofNullable(eosId);
  }

  /** The padding id named in tokenizer_config.json, if any. */
  public Optional<Integer> padId() {
    return Optional.ofNullable(padId);
  }

  /** The Jinja chat template of tokenizer_config.json, if any. */
  public Optional<String> chatTemplate() {
    return Optional.ofNullable(chatTemplate);
  }

  @Override
  public void close() {
    withSpecial.close();
    withoutSpecial.close();
  }
}
