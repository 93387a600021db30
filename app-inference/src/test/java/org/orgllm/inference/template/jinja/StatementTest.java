package org.orgllm.inference.template.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Control structures, assignments, scoping, macros. */
class StatementTest {

  @Test
  void loopVariables() {
    assertThat(Render.hf("{% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}"
        + "{{ loop.first }}{{ loop.last }}{{ loop.length }};{% endfor %}"))
        .isEqualTo("1032TrueFalse3;2121FalseFalse3;3210FalseTrue3;");
    assertThat(Render.hf("{% for x in [1, 2, 3] %}{{ loop.previtem }}|{{ loop.nextitem }}|{{ loop.cycle('a', 'b') }} {% endfor %}"))
        .isEqualTo("|2|a 1|3|b 2||a ");
    assertThat(Render.hf("{% for x in [1, 1, 2, 1] %}{{ loop.changed(x) }} {% endfor %}")).isEqualTo("True False True True ");
    assertThat(Render.hf("{% for a in [1, 2] %}{% for b in [3] %}{{ loop.index }}{{ a }}{% endfor %}{{ loop.index }}{% endfor %}"))
        .isEqualTo("111122");
  }

  @Test
  void loopFilterElseBreakContinue() {
    assertThat(Render.hf("{% for x in [1, 2, 3, 4] if x is even %}{{ x }}:{{ loop.index }}/{{ loop.length }} {% endfor %}"))
        .isEqualTo("2:1/2 4:2/2 ");
    assertThat(Render.hf("{% for x in [] %}a{% else %}empty{% endfor %}|{% for x in [1] if false %}a{% else %}none{% endfor %}"))
        .isEqualTo("empty|none");
    assertThat(Render.hf("{% for x in range(10) %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 5 %}{% break %}{% endif %}{{ x }}{% endfor %}"))
        .isEqualTo("0134");
    assertThat(Render.hf("{% for x in missing %}x{% endfor %}|{% for c in 'hé' %}{{ c }}-{% endfor %}|{% for k in {'a': 1, 'b': 2} %}{{ k }}{% endfor %}"))
        .isEqualTo("|h-é-|ab");
  }

  @Test
  void tupleUnpacking() {
    assertThat(Render.hf("{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }},{% endfor %}|{% for (a, b) in [[1, 2], [3, 4]] %}{{ a + b }}{% endfor %}"))
        .isEqualTo("a=1,b=2,|37");
    assertThat(Render.hf("{% set a, b = 1, 2 %}{{ a }}{{ b }}|{% set c = 1, 2 %}{{ c }}|{% set (d, e) = 'xy' %}{{ e }}{{ d }}"))
        .isEqualTo("12|(1, 2)|yx");
  }

  @Test
  void recursiveLoops() {
    Map<String, ?> tree = Map.of("tree", List.of(
        Map.of("name", "a", "children", List.of(Map.of("name", "b", "children", List.of()), Map.of("name", "c"))),
        Map.of("name", "d")));
    assertThat(Render.hf("{% for item in tree recursive %}{{ item.name }}{{ loop.depth }}"
        + "{% if item.children %}({{ loop(item.children) }}){% endif %}{% endfor %}", tree))
        .isEqualTo("a1(b2c2)d1");
  }

  @Test
  void loopBodiesAndMacrosGetTheirOwnScope() {
    // Each iteration starts fresh: a variable set in one iteration is gone in the next.
    assertThat(Render.hf("{% for i in range(3) %}{% if i == 0 %}{% set x = 'a' %}{% endif %}[{{ x }}]{% endfor %}"))
        .isEqualTo("[a][][]");
    assertThat(Render.hf("{% set x = 1 %}{% for i in [1, 2] %}{{ x }}{% set x = x + 1 %}{{ x }} {% endfor %}{{ x }}"))
        .isEqualTo("12 12 1");
    // if does not open a scope.
    assertThat(Render.hf("{% if true %}{% set y = 1 %}{% endif %}{{ y }}")).isEqualTo("1");
    assertThat(Render.hf("{% set z = 3 %}{% macro m() %}{{ z }}{% set z = 4 %}{{ z }}{% endmacro %}{{ m() }}{{ z }}")).isEqualTo("343");
    assertThat(Render.hf("{% for i in [1] %}{% endfor %}[{{ i }}]{% with a = 1 %}{{ a }}{% endwith %}[{{ a }}]")).isEqualTo("[]1[]");
  }

  @Test
  void namespacesCarryStateOutOfLoops() {
    assertThat(Render.hf("{% set ns = namespace(total=0, seen=[]) %}{% for i in range(4) %}{% set ns.total = ns.total + i %}"
        + "{% set ns.seen = ns.seen + [i] %}{% endfor %}{{ ns.total }} {{ ns.seen }} {{ ns }}"))
        .isEqualTo("6 [0, 1, 2, 3] <Namespace {'total': 6, 'seen': [0, 1, 2, 3]}>");
    assertThat(Render.hf("{% set ns = namespace({'a': 1}, b=2) %}{% set ns.c = 3 %}{{ ns.a }}{{ ns['b'] }}{{ ns.c }}[{{ ns.d }}]"))
        .isEqualTo("123[]");
  }

  @Test
  void blockSetAndFilterBlocks() {
    assertThat(Render.hf("{% set x %}  block {{ 1 + 1 }}\n{% endset %}[{{ x }}]{% set y | upper | trim %} hi {% endset %}[{{ y }}]"))
        .isEqualTo("[  block 2\n][HI]");
    assertThat(Render.hf("{% filter upper %}hello {{ 'world' }}{% endfilter %}|{% filter replace('a', 'o')|title %}banana{% endfilter %}"))
        .isEqualTo("HELLO WORLD|Bonono");
  }

  @Test
  void macrosWithDefaultsVarargsKwargsAndCaller() {
    assertThat(Render.hf("{% macro greet(name, greeting='Hello') %}{{ greeting }}, {{ name }}!{% endmacro %}"
        + "{{ greet('Bob') }}|{{ greet('Ann', greeting='Hi') }}|{{ greet() }}|{{ greet }}"))
        .isEqualTo("Hello, Bob!|Hi, Ann!|Hello, !|<Macro 'greet'>");
    assertThat(Render.hf("{% macro m(a) %}{{ a }}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, 3, x=4) }}"))
        .isEqualTo("1(2, 3){'x': 4}");
    assertThat(Render.hf("{% macro wrap(tag) %}<{{ tag }}>{{ caller() }}</{{ tag }}>{% endmacro %}"
        + "{% call wrap('b') %}inside {{ 1 }}{% endcall %}"))
        .isEqualTo("<b>inside 1</b>");
    assertThat(Render.hf("{% macro each(items) %}{% for i in items %}{{ caller(i, loop.index) }}{% endfor %}{% endmacro %}"
        + "{% call(x, n) each(['p', 'q']) %}[{{ n }}{{ x }}]{% endcall %}"))
        .isEqualTo("[1p][2q]");
  }

  @Test
  void generationBlockAndPrintStatement() {
    assertThat(Render.hf("{% generation %}{% set inner = 1 %}gen {{ inner }}{% endgeneration %}[{{ inner }}]{% print 'p', 2 %}"))
        .isEqualTo("gen 1[]p2");
  }

  @Test
  void ifElifElse() {
    String template = "{% if x is none %}none{% elif x > 1 %}big{% elif x == 1 %}one{% else %}small{% endif %}";
    assertThat(Render.hf(template, Map.of("x", 5))).isEqualTo("big");
    assertThat(Render.hf(template, Map.of("x", 1))).isEqualTo("one");
    assertThat(Render.hf(template, java.util.Collections.singletonMap("x", null))).isEqualTo("none");
    assertThat(Render.hf(template, Map.of("x", 0))).isEqualTo("small");
    assertThat(Render.hf("{% if 'a', %}tuple is truthy{% endif %}")).isEqualTo("tuple is truthy");
  }
}
