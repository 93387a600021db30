package org.orgllm.inference.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgllm.inference.template.jinja.TemplateException;

/** The ChatTemplate API: loading tokenizer configs, the Hugging Face render context, errors. */
class ChatTemplateTest {

  private static final List<Map<String, String>> HELLO = List.of(Map.of("role", "user", "content", "Hello"));

  @TempDir
  Path dir;

  private Path config(String json) throws IOException {
    return Files.writeString(dir.resolve("tokenizer_config.json"), json);
  }

  @Test
  void readsStringTemplateAndAddedTokenObjects() throws IOException {
    Path file = config("""
        {"chat_template": "{{ bos_token }}|{{ eos_token }}|{{ unk_token is defined }}|{{ pad_token }}|{{ additional_special_tokens }}",
         "bos_token": {"__type": "AddedToken", "content": "<s>", "lstrip": false},
         "eos_token": "</s>", "unk_token": null, "pad_token": "<pad>",
         "additional_special_tokens": ["<a>", {"content": "<b>"}]}
        """);
    assertThat(ChatTemplate.fromTokenizerConfig(file).render(HELLO, false, null))
        .isEqualTo("<s>|</s>|False|<pad>|['<a>', '<b>']");
  }

  @Test
  void picksTheDefaultOfNamedTemplates() throws IOException {
    Path file = config("""
        {"chat_template": [{"name": "tool_use", "template": "tools"}, {"name": "default", "template": "default:{{ messages[0].content }}"}]}
        """);
    assertThat(ChatTemplate.fromTokenizerConfig(file).render(HELLO, false, Map.of())).isEqualTo("default:Hello");
  }

  @Test
  void explainsMissingOrUnusableConfigs() throws IOException {
    Path noTemplate = config("{\"eos_token\": \"</s>\"}");
    assertThatThrownBy(() -> ChatTemplate.fromTokenizerConfig(noTemplate))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(noTemplate.toString())
        .hasMessageContaining("no chat_template");

    Path noDefault = dir.resolve("named.json");
    Files.writeString(noDefault, "{\"chat_template\": [{\"name\": \"rag\", \"template\": \"x\"}]}");
    assertThatThrownBy(() -> ChatTemplate.fromTokenizerConfig(noDefault))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"default\"").hasMessageContaining("rag");

    Path missing = dir.resolve("absent.json");
    assertThatThrownBy(() -> ChatTemplate.fromTokenizerConfig(missing))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining(missing.toString());

    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"chat_template\": ");
    assertThatThrownBy(() -> ChatTemplate.fromTokenizerConfig(broken))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining(broken.toString());
  }

  @Test
  void reportsTemplateSyntaxErrorsWithFileAndLine() throws IOException {
    Path file = config("{\"chat_template\": \"line one\\n{% for m in messages %}\\n{{ m.content }\"}");
    assertThatThrownBy(() -> ChatTemplate.fromTokenizerConfig(file))
        .isInstanceOfSatisfying(TemplateException.class, e -> {
          assertThat(e.kind()).isEqualTo(TemplateException.Kind.SYNTAX);
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.getMessage()).contains(file.toString()).endsWith("(line 3)");
        });
  }

  @Test
  void providesTheHuggingFaceContext() {
    ChatTemplate template = ChatTemplate.of(
        "{{ bos_token is defined }} {{ eos_token }} {{ tools }} {{ documents }} {{ add_generation_prompt }} "
            + "{{ messages|length }} {{ enable_thinking }}", null, "<eos>");
    assertThat(template.render(HELLO, true, Map.of("enable_thinking", false)))
        .isEqualTo("False <eos> None None True 1 False");
    assertThat(template.render(HELLO, false, Map.of("tools", List.of(Map.of("name", "f")))))
        .isEqualTo("False <eos> [{'name': 'f'}] None False 1 ");
  }

  @Test
  void refusesExtraContextThatShadowsTheConversation() {
    ChatTemplate template = ChatTemplate.of("x", null, null);
    assertThatThrownBy(() -> template.render(HELLO, true, Map.of("messages", List.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> template.render(HELLO, true, Map.of("add_generation_prompt", false)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void strftimeNowReadsTheClock() {
    Clock clock = Clock.fixed(Instant.parse("2025-02-03T04:05:06Z"), ZoneOffset.ofHours(9));
    ChatTemplate template = ChatTemplate.of(
        "{{ strftime_now('%d %b %Y|%-d %B|%A %H:%M:%S %p|%j|%y|%%|%z') }}", null, null).withClock(clock);
    assertThat(template.render(HELLO, false, null)).isEqualTo("03 Feb 2025|3 February|Monday 13:05:06 PM|034|25|%|");
  }

  @Test
  void raiseExceptionSurfacesTheTemplatesMessage() {
    ChatTemplate template = ChatTemplate.of(
        "{% if messages[0].role != 'system' %}{{ raise_exception('System message required, got ' + messages[0].role) }}{% endif %}",
        null, null);
    assertThatThrownBy(() -> template.render(HELLO, true, null))
        .isInstanceOfSatisfying(TemplateException.class, e -> {
          assertThat(e.kind()).isEqualTo(TemplateException.Kind.RAISED);
          assertThat(e.detail()).isEqualTo("System message required, got user");
          assertThat(e.line()).isEqualTo(1);
        });
  }

  @Test
  void messagesAcceptPlainJavaValues() {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("role", "assistant");
    message.put("content", null);
    message.put("tool_calls", List.of(Map.of("function", Map.of("name", "f", "arguments", Map.of("n", 3)))));
    message.put("score", 0.5f);
    ChatTemplate template = ChatTemplate.of(
        "{% for m in messages %}{{ m.content }}|{{ m.tool_calls[0].function.arguments|tojson }}|{{ m.score }}{% endfor %}",
        null, null);
    assertThat(template.render(List.of(message), false, null)).isEqualTo("None|{\"n\": 3}|0.5");
  }

  @Test
  void compiledTemplateIsReusableAcrossThreads() throws Exception {
    ChatTemplate template = ChatTemplate.fromTokenizerConfig(
        TestFixtures.fixtures().resolve("qwen3-tokenizer/tokenizer_config.json"));
    String expected = template.render(HELLO, true, Map.of("enable_thinking", false));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> renders = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        renders.add(pool.submit(() -> template.render(HELLO, true, Map.of("enable_thinking", false))));
      }
      for (Future<String> render : renders) {
        assertThat(render.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(expected).isEqualTo("<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n");
  }
}
