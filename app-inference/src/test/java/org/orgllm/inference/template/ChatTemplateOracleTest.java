package org.orgllm.inference.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgllm.inference.template.jinja.TemplateException;

/**
 * Every case of template/expected.json (rendered by Python jinja2 with Hugging Face's environment,
 * see template/README.md) must come out of {@link ChatTemplate} identically, errors included.
 */
class ChatTemplateOracleTest {

  /** The instant generate_expected.py pins strftime_now to (a naive time; UTC here). */
  private static final Clock FIXED = Clock.fixed(Instant.parse("2024-09-05T13:07:09Z"), ZoneOffset.UTC);

  static Stream<Named<JsonNode>> cases() {
    JsonNode root;
    try {
      root = TestFixtures.JSON.readTree(TestFixtures.resource("/template/expected.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(root.get("strftime_now").asText()).isEqualTo("2024-09-05T13:07:09");
    return Stream.iterate(0, i -> i < root.get("cases").size(), i -> i + 1)
        .map(i -> root.get("cases").get(i))
        .map(c -> Named.of(c.get("id").asText(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersLikeJinja2(JsonNode c) {
    ChatTemplate template = load(c).withClock(FIXED);
    List<Map<String, Object>> messages = TestFixtures.JSON.convertValue(c.get("messages"), new TypeReference<>() { });
    Map<String, Object> kwargs = TestFixtures.JSON.convertValue(c.get("kwargs"), new TypeReference<>() { });
    boolean addGenerationPrompt = c.get("add_generation_prompt").asBoolean();

    if (c.has("rendered")) {
      assertThat(template.render(messages, addGenerationPrompt, kwargs)).isEqualTo(c.get("rendered").asText());
    } else {
      TemplateException e = catchThrowableOfType(TemplateException.class,
          () -> template.render(messages, addGenerationPrompt, kwargs));
      assertThat(e).as("expected a template error").isNotNull();
      assertThat(e.detail()).isEqualTo(c.get("error").get("message").asText());
      assertThat(e.kind()).isEqualTo(c.get("error").get("kind").asText().equals("raised")
          ? TemplateException.Kind.RAISED : TemplateException.Kind.RUNTIME);
      assertThat(e.line()).isPositive();
    }
  }

  private static ChatTemplate load(JsonNode c) {
    String ref = c.get("template").asText();
    if (ref.startsWith("fixture:")) {
      return ChatTemplate.fromTokenizerConfig(TestFixtures.fixtures().resolve(ref.substring("fixture:".length())));
    }
    JsonNode tokens = c.get("special_tokens");
    return ChatTemplate.of(TestFixtures.resource("/template/" + ref),
        tokens.hasNonNull("bos_token") ? tokens.get("bos_token").asText() : null,
        tokens.hasNonNull("eos_token") ? tokens.get("eos_token").asText() : null);
  }
}
