package org.orgllm.inference.template.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jinja's built-in filters, and Hugging Face's tojson. */
class FilterTest {

  private static final Map<String, ?> USERS = Map.of("users", List.of(
      Map.of("name", "bob", "age", 3), Map.of("name", "al"), Map.of("name", "cy", "age", 0)));

  @Test
  void tojsonIsPythonJsonDumpsWithoutAsciiEscaping() {
    Map<String, ?> ctx = Map.of("x", new java.util.LinkedHashMap<>(Map.of("name", "get_weather")));
    assertThat(Render.hf("{{ {'q': 'é\"\\n<>&\\'', 'n': [1, 2.5, 1e20, true, none], 'e': {}} | tojson }}"))
        .isEqualTo("{\"q\": \"é\\\"\\n<>&'\", \"n\": [1, 2.5, 1e+20, true, null], \"e\": {}}");
    assertThat(Render.hf("{{ {'b': [1, {}], 'a': []} | tojson(indent=2) }}"))
        .isEqualTo("{\n  \"b\": [\n    1,\n    {}\n  ],\n  \"a\": []\n}");
    assertThat(Render.hf("{{ 'é😀'|tojson(ensure_ascii=true) }} {{ {'b': 1, 'a': 2}|tojson(sort_keys=true) }} "
        + "{{ [1, 2]|tojson(separators=(',', ':')) }} {{ (1, 'a')|tojson }} {{ {1: 2, none: 3, true: 4}|tojson }}"))
        .isEqualTo("\"\\u00e9\\ud83d\\ude00\" {\"a\": 2, \"b\": 1} [1,2] [1, \"a\"] {\"1\": 4, \"null\": 3}");
    assertThat(Render.hf("{{ x|tojson(indent=0) }}", ctx)).isEqualTo("{\n\"name\": \"get_weather\"\n}");
  }

  @Test
  void sequenceFilters() {
    assertThat(Render.hf("{{ [3, 1, 2]|sort }} {{ [3, 1, 2]|sort(reverse=true) }} {{ ['b', 'A', 'c']|sort }} {{ ['b', 'A', 'c']|sort(case_sensitive=true) }}"))
        .isEqualTo("[1, 2, 3] [3, 2, 1] ['A', 'b', 'c'] ['A', 'b', 'c']");
    assertThat(Render.hf("{{ [1, 2, 3]|sum }} {{ [1, 2]|sum(start=10) }} {{ [1, 5, 3]|max }} {{ [1, 5, 3]|min }} [{{ []|max }}] {{ ['a', 'B']|max }}"))
        .isEqualTo("6 13 5 1 [] B");
    assertThat(Render.hf("{{ [1, 2]|first }} {{ [1, 2]|last }} [{{ []|first }}] {{ 'abc'|first }} {{ 'abc'|last }} {{ [1, 2]|length }} {{ {'a': 1}|count }}"))
        .isEqualTo("1 2 [] a c 2 1");
    assertThat(Render.hf("{{ [1, 2, 2, 1]|unique|list }} {{ ['a', 'A', 'b']|unique|list }} {{ [1, 2]|reverse|list }} {{ 'abc'|reverse }} {{ 'ab'|list }} {{ {'k': 1}|list }}"))
        .isEqualTo("[1, 2] ['a', 'b'] [2, 1] cba ['a', 'b'] ['k']");
    assertThat(Render.hf("{{ [1, 2, 3, 4, 5]|batch(2)|list }} {{ [1, 2, 3]|batch(2, 0)|list }} {{ [1, 2, 3, 4, 5]|slice(2)|list }}"))
        .isEqualTo("[[1, 2], [3, 4], [5]] [[1, 2], [3, 0]] [[1, 2, 3], [4, 5]]");
    assertThat(Render.hf("{{ {'b': 1, 'a': 2}|dictsort }} {{ {'b': 1, 'a': 2}|dictsort(by='value') }} {{ {'a': 1}|items|list }}"))
        .isEqualTo("[('a', 2), ('b', 1)] [('b', 1), ('a', 2)] [('a', 1)]");
    assertThat(Render.hf("{{ [1, 2, 3]|join(', ') }} {{ [1, 2]|join }} {{ [1, 2]|map('string')|join('-') }} {{ [[1], [2, 3]]|map('length')|list }}"))
        .isEqualTo("1, 2, 3 12 1-2 [1, 2]");
  }

  @Test
  void attributeFilters() {
    assertThat(Render.hf("{{ users|map(attribute='name')|join(',') }} {{ users|join(',', attribute='name') }} {{ users|map(attribute='age', default=-1)|list }}", USERS))
        .isEqualTo("bob,al,cy bob,al,cy [3, -1, 0]");
    assertThat(Render.hf("{{ users|selectattr('age')|map(attribute='name')|list }} {{ users|rejectattr('age')|map(attribute='name')|list }}", USERS))
        .isEqualTo("['bob'] ['al', 'cy']");
    assertThat(Render.hf("{{ users|selectattr('name', 'equalto', 'al')|list }} {{ users|selectattr('age', 'defined')|list|length }} {{ users|sort(attribute='name')|map(attribute='name')|join }}", USERS))
        .isEqualTo("[{'name': 'al'}] 2 albobcy");
    assertThat(Render.hf("{{ [1, 2, 3, 4]|select('odd')|list }} {{ [1, 2, 3, 4]|reject('odd')|list }} {{ [0, 1, '', none, 'x']|select|list }} {{ [1, 2, 3]|select('>=', 2)|list }}"))
        .isEqualTo("[1, 3] [2, 4] [1, 'x'] [2, 3]");
    assertThat(Render.hf("{% for g in users|groupby('age', default=9) %}{{ g.grouper }}:{{ g.list|length }} {% endfor %}", USERS))
        .isEqualTo("0:1 3:1 9:1 ");
    // map/select return one-shot generators: always truthy, printed as generators, consumed by list.
    assertThat(Render.hf("{{ ([]|select)|list }} {{ 'yes' if []|select else 'no' }}")).isEqualTo("[] yes");
  }

  @Test
  void stringAndNumberFilters() {
    assertThat(Render.hf("[{{ '  x  '|trim }}] {{ 'xxyxx'|trim('x') }} {{ 'Hi'|lower }} {{ 'hi'|upper }} {{ 'hello big-world (x [y <z'|title }} {{ 'hELLO wORLD'|capitalize }}"))
        .isEqualTo("[x] y hi HI Hello Big-World (X [Y <Z Hello world");
    assertThat(Render.hf("{{ 'a b  c'|wordcount }} {{ 'abc'|replace('b', 'x') }} {{ 'aaa'|replace('a', 'b', 2) }} [{{ 'x'|center(5) }}] {{ '<a>&\"\\''|e }} {{ '<b>'|safe }}"))
        .isEqualTo("3 axc bba [  x  ] &lt;a&gt;&amp;&#34;&#39; <b>");
    assertThat(Render.hf("{{ 3.7|int }} {{ '42'|int }} {{ '4.9'|int }} {{ 'x'|int }} {{ 'x'|int(7) }} {{ '0x1A'|int(0, 16) }} {{ '12'|float }} {{ 'x'|float }} {{ 5|string ~ '!' }}"))
        .isEqualTo("3 42 4 0 7 26 12.0 0.0 5!");
    assertThat(Render.hf("{{ -3|abs }} {{ 2.5|round }} {{ 3.5|round }} {{ 2.675|round(2) }} {{ 3|round }} {{ 3.14159|round(2, 'floor') }} {{ 3.1|round(0, 'ceil') }} {{ 1250|round(-2) }}"))
        .isEqualTo("3 2.0 4.0 2.67 3 3.14 4.0 1200");
    assertThat(Render.hf("{{ 'l1\\nl2\\n\\nl4'|indent }}|{{ 'a\\nb'|indent(2, true) }}|{{ 'a\\n\\nb'|indent('>', blank=true) }}"))
        .isEqualTo("l1\n    l2\n\n    l4|  a\n  b|a\n>\n>b");
    assertThat(Render.hf("{{ 'hello world foo'|truncate(9) }} {{ 'hello world foo bar baz'|truncate(12, true) }} {{ '%s-%s'|format(1, 2) }}"))
        .isEqualTo("hello... hello wor... 1-2");
  }

  @Test
  void defaultFilter() {
    assertThat(Render.hf("{{ missing|default('d') }} {{ none|default('d') }} [{{ ''|default('d') }}] {{ ''|default('d', true) }} {{ 0|d('z', true) }} {{ false|default('f') }}"))
        .isEqualTo("d None [] d z False");
  }
}
