package org.orgllm.inference.template.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jinja2's default globals: {@code range}, {@code dict}, {@code namespace}, {@code joiner}. */
final class Builtins {

  /** The sandbox refuses ranges longer than this (Jinja's MAX_RANGE). */
  static final int MAX_RANGE = 100_000;

  private Builtins() {
  }

  static Map<String, Object> globals() {
    Map<String, Object> globals = new LinkedHashMap<>();
    globals.put("range", new Builtin("range", null, Builtins::range));
    globals.put("dict", new Builtin("dict", null, Builtins::dict));
    globals.put("namespace", new Builtin("namespace", null, Builtins::namespace));
    globals.put("joiner", new Builtin("joiner", null, Builtins::joiner));
    return globals;
  }

  private static Object range(List<Object> args, Map<String, Object> kwargs) {
    if (!kwargs.isEmpty()) {
      throw TemplateException.runtime("range() takes no keyword arguments");
    }
    if (args.isEmpty() || args.size() > 3) {
      throw TemplateException.runtime("range expected at most 3 arguments, got " + args.size());
    }
    long start = args.size() == 1 ? 0 : Py.requireInt(args.get(0));
    long stop = Py.requireInt(args.get(args.size() == 1 ? 0 : 1));
    long step = args.size() == 3 ? Py.requireInt(args.get(2)) : 1;
    if (step == 0) {
      throw TemplateException.runtime("range() arg 3 must not be zero");
    }
    long length = step > 0 ? Math.max(0, (stop - start + step - 1) / step) : Math.max(0, (start - stop - step - 1) / -step);
    if (length > MAX_RANGE) {
      throw TemplateException.runtime("Range too big. The sandbox blocks ranges larger than MAX_RANGE (" + MAX_RANGE + ").");
    }
    List<Object> out = new ArrayList<>((int) length);
    for (long i = 0; i < length; i++) {
      out.add(start + i * step);
    }
    return out;
  }

  private static Object dict(List<Object> args, Map<String, Object> kwargs) {
    if (args.size() > 1) {
      throw TemplateException.runtime("dict expected at most 1 argument, got " + args.size());
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    if (!args.isEmpty()) {
      fill(out, args.getFirst());
    }
    out.putAll(kwargs);
    return out;
  }

  /** Copies a mapping, or an iterable of key/value pairs, into {@code out}. */
  private static void fill(Map<Object, Object> out, Object source) {
    if (source instanceof Map<?, ?> m) {
      out.putAll(m);
      return;
    }
    for (Object pair : Py.iterate(source)) {
      List<Object> kv = Py.toList(pair);
      if (kv.size() != 2) {
        throw TemplateException.runtime("dictionary update sequence element has length " + kv.size() + "; 2 is required");
      }
      Py.requireHashable(kv.get(0));
      out.put(kv.get(0), kv.get(1));
    }
  }

  private static Object namespace(List<Object> args, Map<String, Object> kwargs) {
    Namespace ns = new Namespace();
    Map<Object, Object> initial = new LinkedHashMap<>();
    for (Object arg : args) {
      fill(initial, arg);
    }
    initial.forEach((k, v) -> ns.attributes.put(Py.str(k), v));
    ns.attributes.putAll(kwargs);
    return ns;
  }

  /** {@code joiner(sep)}: a function returning "" on its first call and {@code sep} afterwards. */
  private static Object joiner(List<Object> args, Map<String, Object> kwargs) {
    Object sep = Arguments.bind("joiner", args, kwargs, "sep?").get(0, ", ");
    boolean[] used = {false};
    return new Builtin("joiner", null, (a, k) -> {
      if (!used[0]) {
        used[0] = true;
        return "";
      }
      return sep;
    });
  }
}
