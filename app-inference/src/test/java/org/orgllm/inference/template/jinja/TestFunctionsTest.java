package org.orgllm.inference.template.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jinja's built-in tests ({@code x is ...}). */
class TestFunctionsTest {

  @Test
  void typeTests() {
    assertThat(Render.hf("{{ x is defined }} {{ y is undefined }} {{ none is none }} {{ 0 is none }} {{ true is boolean }} {{ 1 is boolean }}",
        Map.of("x", 1))).isEqualTo("True True True False True False");
    assertThat(Render.hf("{{ 1 is integer }} {{ true is integer }} {{ 1.0 is float }} {{ 1 is number }} {{ true is number }} {{ 'a' is string }}"))
        .isEqualTo("True False True True True True");
    assertThat(Render.hf("{{ {} is mapping }} {{ [] is mapping }} {{ [] is sequence }} {{ 'a' is sequence }} {{ {} is sequence }} {{ 1 is sequence }}"))
        .isEqualTo("True False True True True False");
    assertThat(Render.hf("{{ [] is iterable }} {{ 'a' is iterable }} {{ 1 is iterable }} {{ none is iterable }} {{ range is callable }} {{ 'a' is callable }}"))
        .isEqualTo("True True False False True False");
    assertThat(Render.hf("{{ true is true }} {{ 1 is true }} {{ false is false }} {{ 0 is false }} {{ 'upper' is filter }} {{ 'nope' is filter }} {{ 'odd' is test }}"))
        .isEqualTo("True False True False True False True");
  }

  @Test
  void valueTests() {
    assertThat(Render.hf("{{ 1 is odd }} {{ 2 is even }} {{ 9 is divisibleby 3 }} {{ 9 is divisibleby(4) }} {{ 'abc' is lower }} {{ 'ABC' is upper }} {{ 'Abc' is lower }}"))
        .isEqualTo("True True True False True True False");
    assertThat(Render.hf("{{ 1 is eq 1 }} {{ 1 is equalto 2 }} {{ 1 is eq 1.0 }} {{ 1 is ne 2 }} {{ 1 is lt 2 }} {{ 1 is gt 2 }} {{ 2 is le 2 }} {{ 2 is ge 3 }} {{ 2 is greaterthan 1 }}"))
        .isEqualTo("True False True True True False True False True");
    assertThat(Render.hf("{{ 1 is in [1] }} {{ 'b' is in 'abc' }} {{ none is sameas none }} {{ 1 is not none }} {{ x is not defined and not 0 }}"))
        .isEqualTo("True True True True True");
  }

  @Test
  void testsInsideExpressionsBindTighterThanBooleanOperators() {
    assertThat(Render.hf("{{ 'a' if 'b' is string else 'c' }} {{ x is defined and x or 'fallback' }} {{ not 1 is none }}"))
        .isEqualTo("a fallback True");
  }
}
