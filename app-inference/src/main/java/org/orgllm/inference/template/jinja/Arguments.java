package org.orgllm.inference.template.jinja;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Binds Python-style call arguments (positional, then by keyword) to a parameter list, with
 * Python's error messages for missing, surplus and unknown arguments.
 */
final class Arguments {

  private final String function;
  private final Object[] values;

  private Arguments(String function, Object[] values) {
    this.function = function;
    this.values = values;
  }

  /**
   * Binds {@code args}/{@code kwargs} to {@code params}; a parameter named with a trailing
   * {@code ?} is optional.
   */
  static Arguments bind(String function, List<Object> args, Map<String, Object> kwargs, String... params) {
    if (args.size() > params.length) {
      throw TemplateException.runtime(function + "() takes at most " + params.length + " argument(s) ("
          + args.size() + " given)");
    }
    Object[] values = new Object[params.length];
    Arrays.fill(values, Py.MISSING);
    for (int i = 0; i < args.size(); i++) {
      values[i] = args.get(i);
    }
    for (Map.Entry<String, Object> kw : kwargs.entrySet()) {
      int at = indexOf(params, kw.getKey());
      if (at < 0) {
        throw TemplateException.runtime(function + "() got an unexpected keyword argument '" + kw.getKey() + "'");
      }
      if (values[at] != Py.MISSING) {
        throw TemplateException.runtime(function + "() got multiple values for argument '" + kw.getKey() + "'");
      }
      values[at] = kw.getValue();
    }
    for (int i = 0; i < params.length; i++) {
      if (values[i] == Py.MISSING && !params[i].endsWith("?")) {
        throw TemplateException.runtime(function + "() missing required argument: '" + params[i] + "'");
      }
    }
    return new Arguments(function, values);
  }

  private static int indexOf(String[] params, String name) {
    for (int i = 0; i < params.length; i++) {
      if (params[i].equals(name) || params[i].equals(name + "?")) {
        return i;
      }
    }
    return -1;
  }

  boolean has(int i) {
    return values[i] != Py.MISSING;
  }

  Object get(int i) {
    return values[i];
  }

  Object get(int i, Object fallback) {
    return has(i) ? values[i] : fallback;
  }

  /** An optional argument where Python's None also means "not given". */
  Object orNone(int i, Object fallback) {
    return has(i) && values[i] != null ? values[i] : fallback;
  }

  String string(int i) {
    Object v = Py.plain(values[i]);
    if (!(v instanceof String s)) {
      throw TemplateException.runtime(function + "() argument must be str, not " + Py.typeName(v));
    }
    return s;
  }

  long integer(int i, long fallback) {
    return has(i) ? Py.requireInt(values[i]) : fallback;
  }

  boolean truthy(int i, boolean fallback) {
    return has(i) ? Py.truthy(values[i]) : fallback;
  }
}
