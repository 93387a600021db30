package org.orgllm.inference.template.jinja;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orgllm.inference.template.jinja.Node.Stmt;

/** A compiled template: immutable, thread-safe, renderable any number of times. */
public final class Template {

  private final List<Stmt> body;
  private final Map<String, Object> globals;

  Template(List<Stmt> body, Map<String, Object> globals) {
    this.body = List.copyOf(body);
    this.globals = globals;
  }

  /**
   * Renders the template.
   *
   * @param context template variables. Values may be {@code null} (None), {@link String},
   *     {@link Boolean}, any {@link Number} (integral types become ints, others floats), {@link Map},
   *     {@link Iterable} or arrays (lists), and {@link JinjaFunction}. Map iteration order is kept,
   *     so use ordered maps where it matters (e.g. for {@code tojson}).
   * @throws TemplateException if rendering fails
   * @throws IllegalArgumentException if a context value has an unsupported type
   */
  public String render(Map<String, ?> context) {
    Map<String, Object> vars = new HashMap<>();
    context.forEach((name, value) -> vars.put(name, Values.fromJava(value)));
    return new Interpreter(vars, globals).render(body);
  }
}
