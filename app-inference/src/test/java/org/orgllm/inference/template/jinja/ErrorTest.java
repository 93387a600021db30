package org.orgllm.inference.template.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Syntax and runtime errors: kinds, Jinja-like messages, line numbers. */
class ErrorTest {

  private static void syntaxError(String source, String message, int line) {
    TemplateException e = Render.error(source);
    assertThat(e).as(source).isNotNull();
    assertThat(e.kind()).isEqualTo(TemplateException.Kind.SYNTAX);
    assertThat(e.detail()).isEqualTo(message);
    assertThat(e.line()).isEqualTo(line);
  }

  @Test
  void syntaxErrorsNameTheProblemAndLine() {
    syntaxError("{% if %}", "Expected an expression, got 'end of statement block'", 1);
    syntaxError("a\n{% endif %}", "Encountered unknown tag 'endif'.", 2);
    syntaxError("{% for x in [1] %}{% endif %}", "Encountered unknown tag 'endif'. Jinja was looking for the following tags: "
        + "'endfor' or 'else'. The innermost block that needs to be closed is 'for'.", 1);
    syntaxError("\n\n{{ 1 + }}", "unexpected 'end of print statement'", 3);
    syntaxError("{{ \"unterminated }}", "unexpected char '\"' at 3", 1);
    syntaxError("{{ (1 }}", "unexpected '}', expected ')'", 1);
    syntaxError("{# never closed", "Missing end of comment tag", 1);
    syntaxError("{% break %}", "'break' outside of a loop", 1);
    syntaxError("{% do x %}", "Encountered unknown tag 'do'.", 1);
    syntaxError("{% macro m(a=1, b) %}{% endmacro %}", "non-default argument follows default argument", 1);
    syntaxError("{% set 1 = 2 %}", "can't assign to 'const'", 1);
    syntaxError("{% for x in y %}\n\n", "Unexpected end of template. Jinja was looking for the following tags: "
        + "'endfor' or 'else'. The innermost block that needs to be closed is 'for'.", 1);
  }

  @Test
  void unknownFiltersAndTestsFailAtCompileTimeOutsideIfs() {
    syntaxError("{% set y = x|nosuch %}", "No filter named 'nosuch'.", 1);
    syntaxError("a\n{% for i in [] %}{{ i is nosuch }}{% endfor %}", "No test named 'nosuch'.", 2);
    syntaxError("{% if false %}{% for i in x %}{{ i|nosuch }}{% endfor %}{% endif %}", "No filter named 'nosuch'.", 1);
    // Inside if statements and conditional expressions the check waits until the filter runs.
    assertThat(Render.hf("{% if 'nosuch' is filter %}{{ 1|nosuch }}{% else %}guarded{% endif %}")).isEqualTo("guarded");
    assertThat(Render.hf("{{ (x|nosuch) if false else 1 }}")).isEqualTo("1");
    TemplateException e = Render.error("a\n{% if true %}{{ 1|nosuch }}{% endif %}");
    assertThat(e.kind()).isEqualTo(TemplateException.Kind.RUNTIME);
    assertThat(e.detail()).isEqualTo("No filter named 'nosuch' found.");
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void runtimeErrorsUsePythonMessages() {
    assertThat(Render.error("{{ 1 + 'a' }}").detail()).isEqualTo("unsupported operand type(s) for +: 'int' and 'str'");
    assertThat(Render.error("{{ 'a' + 1 }}").detail()).isEqualTo("can only concatenate str (not \"int\") to str");
    assertThat(Render.error("{{ 1 < 'a' }}").detail()).isEqualTo("'<' not supported between instances of 'int' and 'str'");
    assertThat(Render.error("{{ 1 / 0 }}").detail()).isEqualTo("division by zero");
    assertThat(Render.error("{% for x in 5 %}{% endfor %}").detail()).isEqualTo("'int' object is not iterable");
    assertThat(Render.error("{% set a, b = [1, 2, 3] %}").detail()).isEqualTo("too many values to unpack (expected 2)");
    assertThat(Render.error("{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}").detail()).isEqualTo("macro 'm' takes not more than 1 argument(s)");
    assertThat(Render.error("{{ '%d' % 'x' }}").detail()).isEqualTo("%d format: a real number is required, not str");
    assertThat(Render.error("{{ range(200000)|length }}").detail())
        .isEqualTo("Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).");
    assertThat(Render.error("{% set x = 1 %}{% set x.y = 2 %}").detail()).isEqualTo("cannot assign attribute on non-namespace object");
  }

  @Test
  void globalsCanRaiseTemplateErrors() {
    Environment env = Environment.builder()
        .global("fail", (JinjaFunction) (args, kwargs) -> {
          throw new TemplateException(TemplateException.Kind.RAISED, "bad: " + args.getFirst());
        })
        .build();
    TemplateException e = org.assertj.core.api.Assertions.catchThrowableOfType(TemplateException.class,
        () -> env.fromString("ok\n{{ fail('input') }}").render(Map.of()));
    assertThat(e.kind()).isEqualTo(TemplateException.Kind.RAISED);
    assertThat(e.detail()).isEqualTo("bad: input");
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void unsupportedContextValuesAreRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Render.hf("{{ x }}", Map.of("x", new Object())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
  }
}
