package org.orgllm.inference.template.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Jinja's whitespace rules, which chat templates depend on character for character. */
class WhitespaceControlTest {

  @Test
  void trimBlocksRemovesOnlyTheFirstNewlineAfterABlockOrComment() {
    assertThat(Render.hf("{% if true %}\na\n{% endif %}\nb")).isEqualTo("a\nb");
    assertThat(Render.hf("{% if true %}\n\nblank kept{% endif %}")).isEqualTo("\nblank kept");
    assertThat(Render.hf("{# note #}\nx")).isEqualTo("x");
    // Print tags are never trimmed.
    assertThat(Render.hf("{{ 'a' }}\n{{ 'b' }}")).isEqualTo("a\nb");
    // Spaces between the tag and the newline defeat trim_blocks.
    assertThat(Render.hf("{% if true %}  \na{% endif %}")).isEqualTo("  \na");
    assertThat(Render.plain("{% if true %}\na\n{% endif %}\nb")).isEqualTo("\na\n\nb");
  }

  @Test
  void lstripBlocksStripsIndentationBeforeBlockTagsOnly() {
    assertThat(Render.hf("  {% if true %}\n    x\n  {% endif %}\n  y")).isEqualTo("    x\n  y");
    assertThat(Render.hf("\t {% for i in [1, 2] %}\n\t{{ i }}\n\t{% endfor %}")).isEqualTo("\t1\n\t2\n");
    // Not at the start of a line: the spaces are content.
    assertThat(Render.hf("x  {% if true %}y{% endif %}")).isEqualTo("x  y");
    // Print tags keep their indentation.
    assertThat(Render.hf("  {{ 'v' }}")).isEqualTo("  v");
    assertThat(Render.hf("    {# comment #}\nz")).isEqualTo("z");
    assertThat(Render.plain("  {% if true %}x{% endif %}")).isEqualTo("  x");
  }

  @Test
  void minusStripsAllWhitespaceOnItsSideIncludingNewlines() {
    assertThat(Render.hf("a  \n  {%- if true -%}  \n  b  \n  {%- endif -%}  \n c")).isEqualTo("abc");
    assertThat(Render.hf("{{- 'a' -}}   {{ 'b' }}   {{- 'c' }}")).isEqualTo("abc");
    assertThat(Render.hf("a\n{#- comment -#}\nb")).isEqualTo("ab");
    assertThat(Render.plain("x {{- ' y ' -}} z")).isEqualTo("x y z");
  }

  @Test
  void plusDisablesLstripAndTrim() {
    assertThat(Render.hf("line\n    {%+ if true %}kept{% endif %}")).isEqualTo("line\n    kept");
    assertThat(Render.hf("{% if true +%}\nnewline kept{% endif %}")).isEqualTo("\nnewline kept");
  }

  @Test
  void rawBlocksAreVerbatimButStillWhitespaceControlled() {
    assertThat(Render.hf("{% raw %}{{ x }}{% if %}{% endraw %}")).isEqualTo("{{ x }}{% if %}");
    // No trim_blocks after {% raw %} (Jinja quirk), but after {% endraw %}.
    assertThat(Render.hf("{% raw %}\n  a\n  {% endraw %}\nb")).isEqualTo("\n  a\nb");
    assertThat(Render.hf("x {%- raw -%}  y  {%- endraw -%} z")).isEqualTo("xyz");
  }

  @Test
  void newlinesAreNormalizedAndOneTrailingNewlineDropped() {
    assertThat(Render.hf("a\r\nb\rc\n")).isEqualTo("a\nb\nc");
    assertThat(Render.hf("a\n\n")).isEqualTo("a\n");
    assertThat(Environment.builder().keepTrailingNewline(true).build().fromString("a\n").render(java.util.Map.of()))
        .isEqualTo("a\n");
    assertThat(Render.hf("{% if true %}\r\nx{% endif %}")).isEqualTo("x");
  }

  @Test
  void typicalChatTemplateLayoutRendersCompactly() {
    String template = """
        {%- for message in messages %}
            {%- if message.role == 'user' %}
                {{- '<u>' + message.content + '</u>\\n' }}
            {%- else %}
                {{- '<a>' + message.content }}
            {%- endif %}
        {%- endfor %}
        """;
    assertThat(Render.hf(template, java.util.Map.of("messages", java.util.List.of(
        java.util.Map.of("role", "user", "content", "hi"),
        java.util.Map.of("role", "assistant", "content", "  indented\nnext")))))
        .isEqualTo("<u>hi</u>\n<a>  indented\nnext");
  }
}
