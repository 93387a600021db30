package org.orgllm.inference.template.jinja;

import java.util.List;
import java.util.Map;

/** The {@code loop} variable inside a for loop ({@code loop.index}, {@code loop.last}, {@code loop.cycle(...)}, ...). */
final class LoopContext implements JinjaFunction {

  private final List<Object> items;
  private final int depth0;
  private final JinjaFunction recurse;
  int index0;
  private Object lastChanged = Py.MISSING;

  /** {@code recurse} renders the loop body over another iterable (recursive loops), or is null. */
  LoopContext(List<Object> items, int depth0, JinjaFunction recurse) {
    this.items = items;
    this.depth0 = depth0;
    this.recurse = recurse;
  }

  /** The value of {@code loop.<name>}, or null if there is no such attribute. */
  Object attribute(String name) {
    int length = items.size();
    return switch (name) {
      case "index" -> (long) index0 + 1;
      case "index0" -> (long) index0;
      case "revindex" -> (long) (length - index0);
      case "revindex0" -> (long) (length - index0 - 1);
      case "first" -> index0 == 0;
      case "last" -> index0 == length - 1;
      case "length" -> (long) length;
      case "depth" -> (long) depth0 + 1;
      case "depth0" -> (long) depth0;
      case "previtem" -> index0 > 0 ? items.get(index0 - 1) : Undefined.withHint("there is no previous item");
      case "nextitem" -> index0 < length - 1 ? items.get(index0 + 1) : Undefined.withHint("there is no next item");
      case "cycle" -> new Builtin("cycle", "LoopContext", (args, kwargs) -> {
        if (args.isEmpty()) {
          throw TemplateException.runtime("no items for cycling given");
        }
        return args.get(index0 % args.size());
      });
      case "changed" -> new Builtin("changed", "LoopContext", (args, kwargs) -> {
        if (lastChanged != Py.MISSING && Py.eq(lastChanged, args)) {
          return false;
        }
        lastChanged = args;
        return true;
      });
      default -> null;
    };
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    if (recurse == null) {
      throw TemplateException.runtime("The loop must be marked as 'recursive' to be called recursively.");
    }
    return recurse.call(args, kwargs);
  }

  @Override
  public String toString() {
    return "<LoopContext " + (index0 + 1) + "/" + items.size() + ">";
  }
}
