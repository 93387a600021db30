package org.orgllm.inference.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The renders the Hugging Face reference stack produced for the shared fixtures, reproduced exactly. */
class ChatTemplateFixtureTest {

  private static JsonNode json(String relative) throws IOException {
    return TestFixtures.JSON.readTree(TestFixtures.fixtures().resolve(relative).toFile());
  }

  private static Stream<Named<JsonNode>> named(JsonNode cases, String prefix) {
    return Stream.iterate(0, i -> i < cases.size(), i -> i + 1)
        .map(i -> Named.of(prefix + " #" + i + " " + cases.get(i).get("messages").get(0).get("content").asText(),
            cases.get(i)));
  }

  static Stream<Named<JsonNode>> qwen3Cases() throws IOException {
    JsonNode cases = json("qwen3-tokenizer/expected-chat.json").get("cases");
    assertThat(cases.size()).isGreaterThanOrEqualTo(4);
    return named(cases, "qwen3");
  }

  static Stream<Named<JsonNode>> tinyQwen2Cases() throws IOException {
    JsonNode cases = json("expected.json").get("chat_template_cases");
    assertThat(cases.size()).isGreaterThanOrEqualTo(2);
    return named(cases, "tiny-qwen2");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("qwen3Cases")
  void qwen3TemplateMatchesTransformers(JsonNode c) {
    ChatTemplate template = ChatTemplate.fromTokenizerConfig(
        TestFixtures.fixtures().resolve("qwen3-tokenizer/tokenizer_config.json"));
    assertThat(render(template, c)).isEqualTo(c.get("rendered").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tinyQwen2Cases")
  void tinyChatmlTemplateMatchesTransformers(JsonNode c) {
    ChatTemplate template = ChatTemplate.fromTokenizerConfig(
        TestFixtures.fixtures().resolve("tiny-qwen2/tokenizer_config.json"));
    assertThat(render(template, c)).isEqualTo(c.get("rendered").asText());
  }

  private static String render(ChatTemplate template, JsonNode c) {
    List<Map<String, Object>> messages = TestFixtures.JSON.convertValue(c.get("messages"), new TypeReference<>() { });
    Map<String, Object> kwargs = c.has("template_kwargs")
        ? TestFixtures.JSON.convertValue(c.get("template_kwargs"), new TypeReference<>() { })
        : Map.of();
    return template.render(messages, c.get("add_generation_prompt").asBoolean(), kwargs);
  }
}
