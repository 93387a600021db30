package org.orgllm.inference.template.jinja;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

/** Test helper: renders with Hugging Face's settings (trim_blocks + lstrip_blocks) unless told otherwise. */
final class Render {

  static final Environment HF = Environment.builder().trimBlocks(true).lstripBlocks(true).build();
  static final Environment PLAIN = Environment.builder().build();

  private Render() {
  }

  static String hf(String source) {
    return HF.fromString(source).render(Map.of());
  }

  static String hf(String source, Map<String, ?> context) {
    return HF.fromString(source).render(context);
  }

  static String plain(String source) {
    return PLAIN.fromString(source).render(Map.of());
  }

  /** The error rendering (or compiling) {@code source} raises. */
  static TemplateException error(String source, Map<String, ?> context) {
    return catchThrowableOfType(TemplateException.class, () -> HF.fromString(source).render(context));
  }

  static TemplateException error(String source) {
    return error(source, Map.of());
  }
}
