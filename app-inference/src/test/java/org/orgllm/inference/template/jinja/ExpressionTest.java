package org.orgllm.inference.template.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Literals, operators and printing, with Python semantics. */
class ExpressionTest {

  @Test
  void printsValuesLikePythonStr() {
    assertThat(Render.hf("{{ none }}|{{ true }}|{{ false }}|{{ 1 }}|{{ 1.0 }}|{{ 'x' }}"))
        .isEqualTo("None|True|False|1|1.0|x");
    assertThat(Render.hf("{{ [none, true, 1.5, 'a', \"it's\", 'say \"hi\"'] }}"))
        .isEqualTo("[None, True, 1.5, 'a', \"it's\", 'say \"hi\"']");
    assertThat(Render.hf("{{ {'a': [1, {'b': none}]} }}|{{ () }}|{{ (1,) }}|{{ (1, 'a') }}"))
        .isEqualTo("{'a': [1, {'b': None}]}|()|(1,)|(1, 'a')");
    assertThat(Render.hf("{{ ['tab\\t', 'nl\\n', 'bs\\\\', '\\x01', 'é', '\\u00a0', '😀'] }}"))
        .isEqualTo("['tab\\t', 'nl\\n', 'bs\\\\', '\\x01', 'é', '\\xa0', '😀']");
  }

  @Test
  void floatsPrintAsPythonRepr() {
    assertThat(Render.hf("{{ 0.1 + 0.2 }} {{ 1e16 }} {{ 1e15 }} {{ 0.0001 }} {{ 0.00001 }} {{ 1.5e-7 }} {{ -0.0 }} {{ 1e100 }}"))
        .isEqualTo("0.30000000000000004 1e+16 1000000000000000.0 0.0001 1e-05 1.5e-07 -0.0 1e+100");
    assertThat(Render.hf("{{ 1e308 * 10 }} {{ 123456789.123 }} {{ 2 ** 0.5 }}"))
        .isEqualTo("inf 123456789.123 1.4142135623730951");
  }

  @Test
  void arithmeticFollowsPython() {
    assertThat(Render.hf("{{ 7 / 2 }} {{ 4 / 2 }} {{ 7 // 2 }} {{ -7 // 2 }} {{ -7 % 3 }} {{ 7 % -3 }} {{ -7.5 // 2 }} {{ -10 % 4.5 }}"))
        .isEqualTo("3.5 2.0 3 -4 2 -2 -4.0 3.5");
    assertThat(Render.hf("{{ 2 ** 10 }} {{ 2 ** -1 }} {{ true + true }} {{ 3 * 'ab' }} {{ [1] * 2 }} {{ (1,) + (2,) }}"))
        .isEqualTo("1024 0.5 2 ababab [1, 1] (1, 2)");
    // Jinja's ** is left-associative, unlike Python's.
    assertThat(Render.hf("{{ 2 ** 3 ** 2 }}")).isEqualTo("64");
    assertThat(Render.hf("{{ 'a' ~ 1 ~ none ~ 1.5 ~ missing }}")).isEqualTo("a1None1.5");
    assertThat(Render.hf("{{ -1|abs }} {{ - 2 ** 2 }}")).isEqualTo("1 4");
    // Float floor division and modulo round like CPython's float_divmod.
    assertThat(Render.hf("{{ 1e3 // 0.1 }} {{ 1.5 % -0.5 }} {{ -0.0 // 1 }} {{ 7.5 % -2 }}")).isEqualTo("9999.0 -0.0 -0.0 -0.5");
  }

  @Test
  void markupEscapesWhatIsConcatenatedIntoIt() {
    // The functionary template builds its tool list this way, and transformers renders the escapes.
    assertThat(Render.hf("{{ \"<b>\"|safe + \"<i>\" }}|{{ \"<i>\" + \"<b>\"|safe }}|{{ (\"<b>\"|safe) ~ \"<i>\" }}|{{ \"<b>\"|e|e }}"))
        .isEqualTo("<b>&lt;i&gt;|&lt;i&gt;<b>|<b><i>|&lt;b&gt;");
    assertThat(Render.hf("{{ ('<p>%s</p>'|safe) % '<x>' }}|{{ ('<p>{}</p>'|safe).format('<y>') }}|{{ ['<a>'|safe] }}|{{ 'x'|safe is escaped }}"))
        .isEqualTo("<p>&lt;x&gt;</p>|<p>&lt;y&gt;</p>|[Markup('<a>')]|True");
  }

  @Test
  void dictViewsPrintAndBehaveLikePython() {
    Map<String, ?> ctx = Map.of("d", new java.util.LinkedHashMap<>(Map.of("a", 1)));
    assertThat(Render.hf("{{ d.items() }} {{ d.keys() }} {{ d.values() }} [{{ d.items()[0] }}] {{ d.keys() is sequence }} {{ ('a', 1) in d.items() }}", ctx))
        .isEqualTo("dict_items([('a', 1)]) dict_keys(['a']) dict_values([1]) [] False True");
  }

  @Test
  void comparisonsChainAndMixNumbers() {
    assertThat(Render.hf("{{ 1 < 2 < 3 }} {{ 1 < 3 < 2 }} {{ 1 == 1.0 }} {{ true == 1 }} {{ '1' == 1 }} {{ [1, 2] < [1, 3] }}"))
        .isEqualTo("True False True True False True");
    assertThat(Render.hf("{{ (1, 2) == [1, 2] }} {{ {'a': 1} == {'a': 1.0} }} {{ 'B' < 'a' }}"))
        .isEqualTo("False True True");
    assertThat(Render.hf("{{ 1 in [1, 2] }} {{ 3 not in [1, 2] }} {{ 'at' in 'cat' }} {{ 'a' in {'a': 1} }} {{ 1 in {'1': 2} }}"))
        .isEqualTo("True True True True False");
  }

  @Test
  void andOrReturnOperandsAndShortCircuit() {
    assertThat(Render.hf("{{ 0 or '' }}|{{ 0 or 'x' }}|{{ 'y' and 0 }}|{{ none or [] }}|{{ 1 and 2 }}|{{ not 0 }}"))
        .isEqualTo("|x|0|[]|2|True");
    // The right side is not evaluated, so its error never happens.
    assertThat(Render.hf("{{ true or missing.attr }}|{{ false and missing.attr }}")).isEqualTo("True|False");
  }

  @Test
  void conditionalExpressions() {
    assertThat(Render.hf("{{ 'y' if x else 'n' }}|{{ 'y' if not x }}|{{ 1 if 0 else 2 if 0 else 3 }}|{{ (1 if true else 2) + 1 }}",
        Map.of("x", true))).isEqualTo("y||3|2");
  }

  @Test
  void subscriptsAndSlices() {
    Map<String, ?> ctx = Map.of("l", List.of(1, 2, 3), "s", "héllo");
    assertThat(Render.hf("{{ l[0] }} {{ l[-1] }} {{ l.1 }} {{ l[1:] }} {{ l[::-1] }} {{ l[-10:2] }} {{ l[2:0:-1] }} [{{ l[5] }}]", ctx))
        .isEqualTo("1 3 2 [2, 3] [3, 2, 1] [1, 2] [3, 2] []");
    assertThat(Render.hf("{{ s[1] }} {{ s[::-1] }} {{ s[1:4] }} {{ s[::2] }} {{ s[-2:] }} {{ s|length }}", ctx))
        .isEqualTo("é olléh éll hlo lo 5");
    assertThat(Render.hf("{{ '😀x'[1] }} {{ 'a😀b'[::-1] }} {{ '😀b'.find('b') }}")).isEqualTo("x b😀a 1");
    assertThat(Render.hf("{{ {'a': {'b': 'c'}}.a.b }} {{ {'a': 1}['a'] }} {{ [[1, 2]][0][1] }}")).isEqualTo("c 1 2");
  }

  @Test
  void stringLiteralsUsePythonEscapes() {
    assertThat(Render.hf("{{ 'it\\'s' }}|{{ \"q\\\"\" }}|{{ 'a' \"b\" 'c' }}|{{ '\\x41\\u00e9\\103\\N{BULLET}' }}|{{ '\\q' }}"))
        .isEqualTo("it's|q\"|abc|Aé C•|\\q".replace(" ", ""));
    assertThat(Render.hf("{{ 'line\\\ncontinued' }}")).isEqualTo("linecontinued");
    assertThat(Render.hf("{{ 1_000 }} {{ 0x1F }} {{ 0b101 }} {{ 0o17 }} {{ 1.5e3 }} {{ 1E-2 }}")).isEqualTo("1000 31 5 15 1500.0 0.01");
    assertThat(Render.hf("{{ [1, 2,] }} {{ {'a': 1,} }} {{ (1, 2,) }}")).isEqualTo("[1, 2] {'a': 1} (1, 2)");
  }

  @Test
  void percentFormattingAndStrFormat() {
    assertThat(Render.hf("{{ '%s and %s' % ('a', 'b') }}|{{ '%d%%' % 50 }}|{{ '%05.1f' % 3.14159 }}|{{ '%-4s|' % 'ab' }}"))
        .isEqualTo("a and b|50%|003.1|ab  |");
    assertThat(Render.hf("{{ '%(x)s-%(y)03d' % {'x': 'a', 'y': 2} }}|{{ '%r' % 'q' }}|{{ '%x %X %#o' % (255, 255, 8) }}|{{ '%.3e' % 12345.678 }}|{{ '%g' % 0.00001234 }}"))
        .isEqualTo("a-002|'q'|ff FF 0o10|1.235e+04|1.234e-05");
    assertThat(Render.hf("{{ '{} {}'.format(1, 2) }}|{{ '{0}{1}{0}'.format('a', 'b') }}|{{ '{x}'.format(x=5) }}|{{ '{:>5}|{:<5}|{:^5}|{:*^7}'.format('a', 'b', 'c', 'd') }}"))
        .isEqualTo("1 2|aba|5|    a|b    |  c  |***d***");
    assertThat(Render.hf("{{ '{:.2f} {:,} {:08.3f} {:+d} {:x} {:#b} {:e} {:.1%}'.format(3.14159, 1234567, 3.14159, 5, 255, 5, 1234.5, 0.25) }}"))
        .isEqualTo("3.14 1,234,567 0003.142 +5 ff 0b101 1.234500e+03 25.0%");
    assertThat(Render.hf("{{ '{:.3}'.format(1234.5) }} {{ '{:.3}'.format(1.0) }} {{ '{:.0f}'.format(2.5) }} {{ '{0[a]}'.format({'a': 1}) }} {{ '{{}}'.format() }}"))
        .isEqualTo("1.23e+03 1.0 2 1 {}");
  }

  @Test
  void globalsRangeDictJoiner() {
    assertThat(Render.hf("{{ range(3)|list }} {{ range(2, 5)|list }} {{ range(10, 0, -3)|list }} {{ dict(a=1, b=2) }} {{ dict([('x', 1)]) }}"))
        .isEqualTo("[0, 1, 2] [2, 3, 4] [10, 7, 4, 1] {'a': 1, 'b': 2} {'x': 1}");
    assertThat(Render.hf("{% set j = joiner(', ') %}{% for x in 'abc' %}{{ j() }}{{ x }}{% endfor %}")).isEqualTo("a, b, c");
  }
}
