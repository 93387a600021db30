package org.orgllm.inference.template.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python methods callable on strings, dicts and lists, and the sandbox's refusal to mutate. */
class MethodsTest {

  @Test
  void stripSplitAndFriends() {
    assertThat(Render.hf("[{{ '  a b  '.strip() }}] [{{ 'xxhixx'.strip('x') }}] [{{ '\\n\\nhi\\n'.lstrip('\\n') }}] [{{ 'hi \\n'.rstrip() }}] [{{ '\\u00a0x\\u3000'.strip() }}]"))
        .isEqualTo("[a b] [hi] [hi\n] [hi] [x]");
    assertThat(Render.hf("{{ 'a,b,,c'.split(',') }} {{ '  a  b c '.split() }} {{ 'a b c'.split(' ', 1) }} {{ 'a b c'.rsplit(' ', 1) }} {{ ' a b '.rsplit(None, 1) }}"))
        .isEqualTo("['a', 'b', '', 'c'] ['a', 'b', 'c'] ['a', 'b c'] ['a b', 'c'] [' a', 'b']");
    assertThat(Render.hf("{{ 'a\\nb\\r\\nc\\n'.splitlines() }} {{ 'a\\nb'.splitlines(true) }} {{ 'x=y=z'.partition('=') }} {{ 'x=y=z'.rpartition('=') }}"))
        .isEqualTo("['a', 'b', 'c'] ['a\\n', 'b'] ('x', '=', 'y=z') ('x=y', '=', 'z')");
  }

  @Test
  void qwen3ThinkingExtraction() {
    Map<String, ?> ctx = Map.of("c", "<think>\nreasoning here\n</think>\n\nThe answer.");
    assertThat(Render.hf("[{{ c.split('</think>')[-1].lstrip('\\n') }}] [{{ c.split('</think>')[0].rstrip('\\n').split('<think>')[-1].lstrip('\\n') }}]", ctx))
        .isEqualTo("[The answer.] [reasoning here]");
  }

  @Test
  void searchingCasingAndFormatting() {
    assertThat(Render.hf("{{ 'hello'.startswith('he') }} {{ 'hello'.startswith(('x', 'h')) }} {{ 'hello'.endswith('lo') }} {{ 'hello'.startswith('l', 2) }}"))
        .isEqualTo("True True True True");
    assertThat(Render.hf("{{ 'hello'.find('l') }} {{ 'hello'.rfind('l') }} {{ 'hello'.find('z') }} {{ 'hello'.count('l') }} {{ 'hello'.index('e') }}"))
        .isEqualTo("2 3 -1 2 1");
    assertThat(Render.hf("{{ 'HeLLo'.lower() }} {{ 'straße'.upper() }} {{ 'hello world'.title() }} {{ \"they're bill's\".title() }} {{ 'hELLO'.capitalize() }} {{ 'Hi'.swapcase() }}"))
        .isEqualTo("hello STRASSE Hello World They'Re Bill'S Hello hI");
    assertThat(Render.hf("{{ 'hello'.replace('l', 'L') }} {{ 'hello'.replace('l', 'L', 1) }} {{ '-'.join(['a', 'b']) }} {{ 'ab'.center(6, '*') }} {{ '5'.zfill(3) }} {{ 'pre_x'.removeprefix('pre_') }}"))
        .isEqualTo("heLLo heLlo a-b **ab** 005 x");
    assertThat(Render.hf("{{ '12'.isdigit() }} {{ 'ab'.isalpha() }} {{ ' '.isspace() }} {{ 'ab'.islower() }} {{ 'AB'.isupper() }} {{ ''.isdigit() }}"))
        .isEqualTo("True True True True True False");
  }

  @Test
  void dictAndListMethods() {
    Map<String, ?> ctx = Map.of("d", new java.util.LinkedHashMap<>(Map.of("items", 5)), "l", List.of(1, 2, 2));
    assertThat(Render.hf("{{ d['items'] }} {{ d.items()|list }} {{ d.keys()|list }} {{ d.values()|list }} {{ d.get('items') }} {{ d.get('x', 0) }}", ctx))
        .isEqualTo("5 [('items', 5)] ['items'] [5] 5 0");
    assertThat(Render.hf("{{ l.count(2) }} {{ l.index(2) }} {{ (1, 2).count(1) }}", ctx)).isEqualTo("2 1 1");
  }

  @Test
  void mutatingMethodsAreRefusedLikeTheImmutableSandbox() {
    Map<String, ?> ctx = Map.of("l", List.of(1), "d", Map.of());
    assertThat(Render.hf("[{{ l.append }}] [{{ d.update }}] {{ l.pop is defined }}", ctx)).isEqualTo("[] [] False");
    assertThat(Render.error("{{ l.append(2) }}", ctx).detail()).isEqualTo("access to attribute 'append' of 'list' object is unsafe.");
    assertThat(Render.error("{{ d.update({'a': 1}) }}", ctx).detail()).isEqualTo("access to attribute 'update' of 'dict' object is unsafe.");
  }
}
