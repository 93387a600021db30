package org.orgllm.inference.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgllm.inference.Fixtures;
import org.orgllm.inference.ModelLoadException;

class TokenizerTest {

  private static Tokenizer tokenizer;

  @BeforeAll
  static void load() {
    tokenizer = Tokenizer.load(Fixtures.folder("tiny-qwen2"));
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  static Stream<Arguments> tokenizerCases() {
    List<Arguments> args = new ArrayList<>();
    Fixtures.expected().get("tokenizer_cases").forEach(c -> args.add(Arguments.of(c.get("text").asText(), c)));
    return args.stream();
  }

  static Stream<Arguments> chatCases() {
    List<Arguments> args = new ArrayList<>();
    Fixtures.expected().get("chat_template_cases").forEach(c -> args.add(Arguments.of(c.get("rendered").asText(), c)));
    return args.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokenizerCases")
  void encodesAndDecodesLikeHuggingFace(String text, JsonNode c) {
    int[] ids = tokenizer.encode(text);
    assertThat(ids).containsExactly(Fixtures.ints(c.get("ids")));
    assertThat(tokenizer.decode(ids, false)).isEqualTo(c.get("decoded").asText());
    for (int i = 0; i < ids.length; i++) {
      assertThat(tokenizer.idToToken(ids[i])).contains(c.get("tokens").get(i).asText());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chatCases")
  void encodesRenderedChatTemplates(String rendered, JsonNode c) {
    assertThat(tokenizer.encode(rendered, false)).containsExactly(Fixtures.ints(c.get("ids")));
    // Qwen's post-processor adds nothing, so both modes agree.
    assertThat(tokenizer.encode(rendered)).containsExactly(Fixtures.ints(c.get("ids")));
  }

  @Test
  void knowsTheSpecialTokens() {
    assertThat(tokenizer.specialIds()).containsExactlyInAnyOrder(297, 298, 299);
    assertThat(tokenizer.eosId()).contains(299);
    assertThat(tokenizer.padId()).contains(297);
    assertThat(tokenizer.bosId()).isEmpty();
    assertThat(tokenizer.tokenToId("<|im_start|>")).contains(298);
    assertThat(tokenizer.vocabSize()).isEqualTo(300);
    assertThat(tokenizer.chatTemplate()).hasValueSatisfying(t -> assertThat(t).contains("<|im_start|>"));
  }

  @Test
  void skipsSpecialTokensOnRequest() {
    int[] ids = tokenizer.encode("<|im_start|>user\nHi there<|im_end|>\n");
    assertThat(tokenizer.decode(ids, true)).isEqualTo("user\nHi there\n");
  }

  @Test
  void neverTruncatesLongInputs() {
    String text = "word ".repeat(2000);
    int[] ids = tokenizer.encode(text);
    assertThat(ids.length).isGreaterThan(2000);
    assertThat(tokenizer.decode(ids, false)).isEqualTo(text);
  }

  @Test
  void realQwen3TokenizerLoadsOffline() {
    try (Tokenizer qwen3 = Tokenizer.load(Fixtures.folder("qwen3-tokenizer"))) {
      assertThat(qwen3.vocabSize()).isGreaterThan(151_000);
      int[] ids = qwen3.encode("Hello, world!");
      assertThat(qwen3.decode(ids, false)).isEqualTo("Hello, world!");
      assertThat(qwen3.tokenToId("<|im_end|>")).isPresent();
      assertThat(qwen3.eosId()).isEqualTo(qwen3.tokenToId("<|im_end|>"));
    }
  }

  @Test
  void aLlamaStylePostProcessorAddsBosToRawTextOnly(@TempDir Path dir) throws Exception {
    // The tiny tokenizer with a TemplateProcessing post-processor, as Llama's tokenizer.json has.
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var root = (com.fasterxml.jackson.databind.node.ObjectNode)
        json.readTree(Fixtures.folder("tiny-qwen2").resolve("tokenizer.json").toFile());
    root.set("post_processor", json.readTree("""
        {"type": "TemplateProcessing",
         "single": [{"SpecialToken": {"id": "<|endoftext|>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
         "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}],
         "special_tokens": {"<|endoftext|>": {"id": "<|endoftext|>", "ids": [297], "tokens": ["<|endoftext|>"]}}}
        """));
    json.writeValue(dir.resolve("tokenizer.json").toFile(), root);
    try (Tokenizer llamaLike = Tokenizer.load(dir)) {
      assertThat(llamaLike.encode("Hello")).startsWith(297).containsSubsequence(274);
      assertThat(llamaLike.encode("Hello", false)).containsExactly(274);
    }
  }

  @Test
  void aMissingTokenizerNamesTheFile(@TempDir Path dir) {
    assertThatThrownBy(() -> Tokenizer.load(dir))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("tokenizer.json");
  }

  @Test
  void aBrokenTokenizerNamesTheFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": 42");
    assertThatThrownBy(() -> Tokenizer.load(dir))
        .isInstanceOf(ModelLoadException.class).hasMessageContaining("tokenizer.json");
  }
}
