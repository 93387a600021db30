package org.orgllm.inference.template.jinja;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A macro (or a call block's {@code caller}) bound to the scope it was defined in. Calling it
 * renders its body in a fresh scope and returns the text.
 */
final class Macro implements JinjaFunction {

  private final Node.Macro node;
  private final Interpreter interpreter;
  private final Interpreter.Frame closure;

  Macro(Node.Macro node, Interpreter interpreter, Interpreter.Frame closure) {
    this.node = node;
    this.interpreter = interpreter;
    this.closure = closure;
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    Interpreter.Frame frame = new Interpreter.Frame(closure);
    Map<String, Object> remaining = new LinkedHashMap<>(kwargs);
    List<String> params = node.params();
    int firstDefault = params.size() - node.defaults().size();
    for (int i = 0; i < params.size(); i++) {
      String param = params.get(i);
      if (i < args.size()) {
        if (remaining.containsKey(param)) {
          throw TemplateException.runtime("macro '" + node.name() + "' got multiple values for argument '" + param + "'");
        }
        frame.set(param, args.get(i));
      } else if (remaining.containsKey(param)) {
        frame.set(param, remaining.remove(param));
      } else if (i >= firstDefault) {
        frame.set(param, interpreter.eval(node.defaults().get(i - firstDefault), frame));
      } else {
        frame.set(param, Undefined.withHint("parameter '" + param + "' was not provided"));
      }
    }
    if (node.uses("caller") && !params.contains("caller")) {
      Object caller = remaining.remove("caller");
      frame.set("caller", caller != null ? caller : Undefined.withHint("No caller defined"));
    }
    if (node.uses("varargs")) {
      frame.set("varargs", Tuple.of(args.size() > params.size() ? args.subList(params.size(), args.size()) : List.of()));
    } else if (args.size() > params.size()) {
      throw TemplateException.runtime("macro '" + node.name() + "' takes not more than " + params.size()
          + " argument(s)");
    }
    if (node.uses("kwargs")) {
      frame.set("kwargs", remaining);
    } else if (!remaining.isEmpty()) {
      throw TemplateException.runtime("macro '" + node.name() + "' takes no keyword argument '"
          + remaining.keySet().iterator().next() + "'");
    }
    StringBuilder out = new StringBuilder();
    interpreter.exec(node.body(), frame, out);
    return out.toString();
  }

  @Override
  public String toString() {
    return "<Macro '" + node.name() + "'>";
  }
}
