package org.orgllm.inference.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.orgllm.inference.template.jinja.Environment;
import org.orgllm.inference.template.jinja.JinjaFunction;
import org.orgllm.inference.template.jinja.Template;
import org.orgllm.inference.template.jinja.TemplateException;

/**
 * A Hugging Face chat template, rendered exactly as {@code tokenizer.apply_chat_template(...,
 * tokenize=False)} does: Jinja2 with {@code trim_blocks} and {@code lstrip_blocks}, loop controls,
 * the {@code raise_exception(msg)} and {@code strftime_now(fmt)} globals, Hugging Face's
 * {@code tojson}, and the context {@code messages}, {@code add_generation_prompt}, {@code tools}
 * and {@code documents} (None unless given), the tokenizer's special tokens ({@code bos_token},
 * {@code eos_token}, ...; only those that are set) and any extra template arguments such as
 * {@code enable_thinking}.
 *
 * <p>The template is compiled once; instances are immutable and thread-safe.
 */
public final class ChatTemplate {

  /** The special-token attributes transformers passes to templates (its SPECIAL_TOKENS_ATTRIBUTES). */
  private static final List<String> SPECIAL_TOKENS = List.of("bos_token", "eos_token", "unk_token", "sep_token",
      "pad_token", "cls_token", "mask_token", "additional_special_tokens");

  private static final Environment ENVIRONMENT = Environment.builder()
      .trimBlocks(true)
      .lstripBlocks(true)
      .global("raise_exception", (JinjaFunction) ChatTemplate::raiseException)
      .build();

  private final Template template;
  private final Map<String, Object> specialTokens;
  private final Clock clock;

  private ChatTemplate(Template template, Map<String, Object> specialTokens, Clock clock) {
    this.template = template;
    this.specialTokens = specialTokens;
    this.clock = clock;
  }

  /**
   * Reads {@code chat_template} (a string, or a list of {@code {name, template}} from which the one
   * named "default" is used) and the special tokens (strings or {@code {"content": ...}} objects)
   * from a tokenizer_config.json.
   *
   * @throws UncheckedIOException if the file cannot be read or is not JSON
   * @throws IllegalArgumentException if it has no usable chat template
   * @throws TemplateException if the template does not compile (the message names the file)
   */
  public static ChatTemplate fromTokenizerConfig(Path tokenizerConfigJson) {
    JsonNode config;
    try (InputStream in = Files.newInputStream(tokenizerConfigJson)) {
      config = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tokenizer config " + tokenizerConfigJson + ": " + e.getMessage(), e);
    }
    if (config == null || !config.isObject()) {
      throw new IllegalArgumentException(tokenizerConfigJson + " is not a JSON object");
    }
    String source = chatTemplate(config.get("chat_template"), tokenizerConfigJson);
    Map<String, Object> tokens = new LinkedHashMap<>();
    for (String name : SPECIAL_TOKENS) {
      Object value = specialToken(config.get(name));
      // transformers only passes tokens that are set (truthy).
      if (value instanceof String s && !s.isEmpty() || value instanceof List<?> l && !l.isEmpty()) {
        tokens.put(name, value);
      }
    }
    try {
      return new ChatTemplate(ENVIRONMENT.fromString(source), tokens, Clock.systemDefaultZone());
    } catch (TemplateException e) {
      throw new TemplateException(e.kind(), "chat_template in " + tokenizerConfigJson + ": " + e.detail(), e.line());
    }
  }

  /**
   * Compiles a chat template with the given special tokens (either may be null: then the template
   * sees it as undefined, as transformers does for unset tokens).
   *
   * @throws TemplateException if the template does not compile
   */
  public static ChatTemplate of(String template, String bosToken, String eosToken) {
    Objects.requireNonNull(template, "template");
    Map<String, Object> tokens = new LinkedHashMap<>();
    if (bosToken != null && !bosToken.isEmpty()) {
      tokens.put("bos_token", bosToken);
    }
    if (eosToken != null && !eosToken.isEmpty()) {
      tokens.put("eos_token", eosToken);
    }
    return new ChatTemplate(ENVIRONMENT.fromString(template), tokens, Clock.systemDefaultZone());
  }

  /** The same template with {@code strftime_now} reading this clock (local time of its zone). */
  public ChatTemplate withClock(Clock clock) {
    return new ChatTemplate(template, specialTokens, Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Renders a conversation.
   *
   * @param messages the messages, typically {@code {"role": ..., "content": ...}} maps (plus e.g.
   *     {@code tool_calls}); values may be strings, numbers, booleans, null, lists and maps
   * @param addGenerationPrompt whether to end with the header of a new assistant turn
   * @param extraContext extra template arguments (e.g. {@code enable_thinking}, {@code tools}); may be null
   * @return the prompt text
   * @throws TemplateException if rendering fails; kind {@code RAISED} when the template rejected the conversation
   */
  public String render(List<? extends Map<String, ?>> messages, boolean addGenerationPrompt,
      Map<String, ?> extraContext) {
    Objects.requireNonNull(messages, "messages");
    Map<String, Object> context = new LinkedHashMap<>(specialTokens);
    context.put("tools", null);
    context.put("documents", null);
    context.put("strftime_now", (JinjaFunction) this::strftimeNow);
    if (extraContext != null) {
      if (extraContext.containsKey("messages") || extraContext.containsKey("add_generation_prompt")) {
        throw new IllegalArgumentException("extraContext must not set messages or add_generation_prompt");
      }
      context.putAll(extraContext);
    }
    context.put("messages", messages);
    context.put("add_generation_prompt", addGenerationPrompt);
    return template.render(context);
  }

  private static String chatTemplate(JsonNode node, Path file) {
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException(file + " has no chat_template");
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isArray()) {
      List<String> names = new ArrayList<>();
      for (JsonNode entry : node) {
        String name = entry.path("name").asText(null);
        names.add(name);
        if ("default".equals(name) && entry.path("template").isTextual()) {
          return entry.get("template").asText();
        }
      }
      throw new IllegalArgumentException(file + ": chat_template has no template named \"default\" (found "
          + names + ")");
    }
    throw new IllegalArgumentException(file + ": chat_template must be a string or a list of {name, template}");
  }

  /** A special token: a string, an AddedToken object {"content": ...}, or a list of either. */
  private static Object specialToken(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isObject() && node.path("content").isTextual()) {
      return node.get("content").asText();
    }
    if (node.isArray()) {
      List<Object> tokens = new ArrayList<>();
      node.forEach(element -> {
        Object token = specialToken(element);
        if (token != null) {
          tokens.add(token);
        }
      });
      return tokens;
    }
    return null;
  }

  private static Object raiseException(List<Object> args, Map<String, Object> kwargs) {
    Object message = args.isEmpty() ? kwargs.get("message") : args.getFirst();
    throw new TemplateException(TemplateException.Kind.RAISED, message == null ? "None" : message.toString());
  }

  private Object strftimeNow(List<Object> args, Map<String, Object> kwargs) {
    Object format = args.isEmpty() ? kwargs.get("format") : args.getFirst();
    if (!(format instanceof String f)) {
      throw new TemplateException(TemplateException.Kind.RUNTIME, "strftime_now() argument must be str");
    }
    return Strftime.format(LocalDateTime.now(clock), f);
  }
}
