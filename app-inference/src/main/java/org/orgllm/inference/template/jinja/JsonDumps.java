package org.orgllm.inference.template.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps}, byte for byte: {@code ", "} / {@code ": "} separators (or
 * {@code ","} when indenting), float repr, {@code NaN}/{@code Infinity}, and {@code ensure_ascii}.
 * Hugging Face's {@code tojson} filter is {@code json.dumps(x, ensure_ascii=False, indent=...)}.
 */
final class JsonDumps {

  private final boolean ensureAscii;
  private final String indent;
  private final String itemSeparator;
  private final String keySeparator;
  private final boolean sortKeys;
  private final StringBuilder out = new StringBuilder();

  private JsonDumps(boolean ensureAscii, String indent, String itemSeparator, String keySeparator, boolean sortKeys) {
    this.ensureAscii = ensureAscii;
    this.indent = indent;
    this.itemSeparator = itemSeparator;
    this.keySeparator = keySeparator;
    this.sortKeys = sortKeys;
  }

  /**
   * Serializes {@code value}.
   *
   * @param indent null, an int (that many spaces) or a string
   * @param separators null or a 2-item list/tuple (item separator, key separator)
   */
  static String dumps(Object value, boolean ensureAscii, Object indent, Object separators, boolean sortKeys) {
    String indentText = switch (indent) {
      case null -> null;
      case String s -> s;
      default -> " ".repeat((int) Math.max(0, Py.requireInt(indent)));
    };
    String item = indentText == null ? ", " : ",";
    String key = ": ";
    if (separators != null) {
      List<Object> pair = Py.toList(separators);
      if (pair.size() != 2 || !(pair.get(0) instanceof String) || !(pair.get(1) instanceof String)) {
        throw TemplateException.runtime("separators must be a (item_separator, key_separator) pair of strings");
      }
      item = (String) pair.get(0);
      key = (String) pair.get(1);
    }
    JsonDumps dumper = new JsonDumps(ensureAscii, indentText, item, key, sortKeys);
    dumper.write(value, 0);
    return dumper.out.toString();
  }

  private void write(Object value, int level) {
    switch (value) {
      case null -> out.append("null");
      case Boolean b -> out.append(b ? "true" : "false");
      case Long l -> out.append(l);
      case Double d -> out.append(number(d));
      case String s -> string(s);
      case DictView v -> throw TemplateException.runtime("Object of type " + v.kind() + " is not JSON serializable");
      case Markup m -> string(m.text());
      case List<?> l -> array(l, level);
      case Map<?, ?> m -> object(m, level);
      default -> throw TemplateException.runtime("Object of type " + Py.typeName(value) + " is not JSON serializable");
    }
  }

  private static String number(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return Py.floatRepr(d);
  }

  private void newline(int level) {
    if (indent != null) {
      out.append('\n').append(indent.repeat(level));
    }
  }

  private void array(List<?> list, int level) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    newline(level + 1);
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(itemSeparator);
        newline(level + 1);
      }
      write(list.get(i), level + 1);
    }
    newline(level);
    out.append(']');
  }

  private void object(Map<?, ?> map, int level) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
    if (sortKeys) {
      entries.sort((a, b) -> Py.compare("<", a.getKey(), b.getKey()));
    }
    out.append('{');
    newline(level + 1);
    boolean first = true;
    for (Map.Entry<?, ?> e : entries) {
      if (!first) {
        out.append(itemSeparator);
        newline(level + 1);
      }
      first = false;
      string(key(e.getKey()));
      out.append(keySeparator);
      write(e.getValue(), level + 1);
    }
    newline(level);
    out.append('}');
  }

  private static String key(Object key) {
    return switch (key) {
      case String s -> s;
      case null -> "null";
      case Boolean b -> b ? "true" : "false";
      case Long l -> l.toString();
      case Double d -> number(d);
      default -> throw TemplateException.runtime("keys must be str, int, float, bool or None, not "
          + Py.typeName(key));
    };
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          // Surrogate pairs come out as two \\u escapes, exactly like Python's encoder.
          if (c < 0x20 || ensureAscii && c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
