package org.orgllm.inference.template.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jinja2's default Undefined: silent when printed or tested, loud when used. */
class UndefinedTest {

  @Test
  void undefinedIsEmptyFalsyAndIterable() {
    assertThat(Render.hf("[{{ missing }}] {{ not missing }} {{ missing is defined }} {{ missing|length }} [{% for x in missing %}x{% endfor %}]"))
        .isEqualTo("[] True False 0 []");
    assertThat(Render.hf("{{ missing == missing }} {{ missing == none }} {{ missing ~ 'x' }} [{{ missing|string }}] {{ missing|list }} [{{ missing|join }}] [{{ missing|trim }}] {{ 'a' in missing }}"))
        .isEqualTo("True False x [] [] [] [] False");
  }

  @Test
  void missingMembersAreUndefined() {
    Map<String, ?> ctx = Map.of("d", Map.of("a", 1), "l", List.of(1));
    assertThat(Render.hf("[{{ d.b }}] [{{ d['b'] }}] [{{ l[5] }}] [{{ none.x }}] [{{ 'str'.nope }}] {{ d.b is defined }} {{ d.b|default('dflt') }}", ctx))
        .isEqualTo("[] [] [] [] [] False dflt");
    assertThat(Render.hf("[{{ 'no' if false }}] {{ d.get('b', 7) }} [{{ d.get('b') }}]", ctx)).isEqualTo("[] 7 [None]");
  }

  @Test
  void usingUndefinedRaisesWithTheReason() {
    assertThat(Render.error("{{ missing.attr }}").detail()).isEqualTo("'missing' is undefined");
    assertThat(Render.error("{{ d.nope.x }}", Map.of("d", Map.of())).detail()).isEqualTo("'dict object' has no attribute 'nope'");
    assertThat(Render.error("{{ l[3].x }}", Map.of("l", List.of())).detail()).isEqualTo("list object has no element 3");
    assertThat(Render.error("{{ none.a.b }}").detail()).isEqualTo("'None' has no attribute 'a'");
    assertThat(Render.error("{{ missing + 1 }}").detail()).isEqualTo("'missing' is undefined");
    assertThat(Render.error("{{ missing < 1 }}").detail()).isEqualTo("'missing' is undefined");
    assertThat(Render.error("{{ missing() }}").detail()).isEqualTo("'missing' is undefined");
    assertThat(Render.error("{{ missing|tojson }}").detail()).isEqualTo("Object of type Undefined is not JSON serializable");
    assertThat(Render.error("{{ missing|int }}").detail()).isEqualTo("'missing' is undefined");
    assertThat(Render.error("{{ missing in 'abc' }}").detail()).isEqualTo("'in <string>' requires string as left operand, not Undefined");
    assertThat(Render.error("{{ missing[1:] }}").detail()).isEqualTo("'missing' is undefined");
  }

  @Test
  void slicingTheWrongTypeIsATypeErrorNotUndefined() {
    // Jinja compiles slices to plain subscripts, bypassing the sandbox's forgiving getitem.
    assertThat(Render.error("{{ d[1:] }}", Map.of("d", Map.of())).detail()).isEqualTo("unhashable type: 'slice'");
    assertThat(Render.error("{{ n[::-1] }}", Map.of("n", 5)).detail()).isEqualTo("'int' object is not subscriptable");
    assertThat(Render.error("{{ s[:'x'] }}", Map.of("s", "abc")).detail())
        .isEqualTo("slice indices must be integers or None or have an __index__ method");
  }

  @Test
  void errorsCarryTheLineOfTheFailingStatement() {
    TemplateException e = Render.error("line 1\n{% for m in messages %}\n  {{ m.content.upper() }}\n{% endfor %}",
        Map.of("messages", List.of(Map.of("role", "user"))));
    assertThat(e.kind()).isEqualTo(TemplateException.Kind.RUNTIME);
    assertThat(e.detail()).isEqualTo("'dict object' has no attribute 'content'");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).isEqualTo("'dict object' has no attribute 'content' (line 3)");
  }
}
