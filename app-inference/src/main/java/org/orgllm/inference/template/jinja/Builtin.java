package org.orgllm.inference.template.jinja;

import java.util.List;
import java.util.Map;

/** A named built-in function or bound method (prints like Python's, e.g. {@code <built-in method split of str object>}). */
record Builtin(String name, String owner, JinjaFunction body) implements JinjaFunction {

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    return body.call(args, kwargs);
  }

  @Override
  public String toString() {
    return owner == null ? "<built-in function " + name + ">" : "<built-in method " + name + " of " + owner + " object>";
  }
}
