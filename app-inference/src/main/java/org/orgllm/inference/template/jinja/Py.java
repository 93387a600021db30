package org.orgllm.inference.template.jinja;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python semantics for template values: truthiness, {@code str()}/{@code repr()}, equality and
 * ordering, arithmetic, {@code in}, {@code len()}, iteration, and Jinja's sandboxed attribute and
 * item lookup. Values are {@code null} (None), {@link Boolean}, {@link Long}, {@link Double},
 * {@link String}, {@link List} (list), {@link Tuple}, {@link Map} (dict), {@link Undefined} and the
 * runtime objects of this package.
 */
final class Py {

  private Py() {
  }

  // ---- types ----

  static String typeName(Object v) {
    return switch (v) {
      case null -> "NoneType";
      case Boolean b -> "bool";
      case Long l -> "int";
      case Double d -> "float";
      case String s -> "str";
      case Markup m -> "Markup";
      case Tuple t -> "tuple";
      case DictView view -> view.kind();
      case List<?> l -> "list";
      case Map<?, ?> m -> "dict";
      case Undefined u -> "Undefined";
      case Namespace n -> "Namespace";
      case Generator g -> "generator";
      case LoopContext l -> "LoopContext";
      case Macro m -> "Macro";
      case JinjaFunction f -> "builtin_function_or_method";
      default -> v.getClass().getSimpleName();
    };
  }

  /** Python ints: {@code bool} is a subclass of {@code int}. */
  static boolean isInt(Object v) {
    return v instanceof Long || v instanceof Boolean;
  }

  static boolean isNumber(Object v) {
    return v instanceof Long || v instanceof Double || v instanceof Boolean;
  }

  static long toLong(Object v) {
    return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
  }

  static double toDouble(Object v) {
    return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
  }

  /** An int argument (index, width, count), with Python's error for anything else. */
  static long requireInt(Object v) {
    if (!isInt(v)) {
      throw TemplateException.runtime("'" + typeName(v) + "' object cannot be interpreted as an integer");
    }
    return toLong(v);
  }

  static TemplateException typeError(String message) {
    return TemplateException.runtime(message);
  }

  // ---- truthiness, str, repr ----

  static boolean truthy(Object v) {
    return switch (v) {
      case null -> false;
      case Boolean b -> b;
      case Long l -> l != 0;
      case Double d -> d != 0.0;
      case String s -> !s.isEmpty();
      case Markup m -> !m.text().isEmpty();
      case List<?> l -> !l.isEmpty();
      case Map<?, ?> m -> !m.isEmpty();
      case Undefined u -> false;
      default -> true;
    };
  }

  /** Python's {@code str(v)}; an undefined value prints as the empty string. */
  static String str(Object v) {
    return switch (v) {
      case null -> "None";
      case String s -> s;
      case Boolean b -> b ? "True" : "False";
      case Long l -> l.toString();
      case Double d -> floatRepr(d);
      case List<?> l -> repr(l);
      case Map<?, ?> m -> repr(m);
      default -> v.toString();
    };
  }

  static String repr(Object v) {
    return switch (v) {
      case null -> "None";
      case String s -> reprString(s);
      case Markup m -> "Markup(" + reprString(m.text()) + ")";
      case DictView view -> view.kind() + "(" + repr(new ArrayList<>(view)) + ")";
      case Tuple t -> {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < t.size(); i++) {
          sb.append(i > 0 ? ", " : "").append(repr(t.get(i)));
        }
        yield sb.append(t.size() == 1 ? ",)" : ")").toString();
      }
      case List<?> l -> {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
          sb.append(i > 0 ? ", " : "").append(repr(l.get(i)));
        }
        yield sb.append(']').toString();
      }
      case Map<?, ?> m -> {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          sb.append(first ? "" : ", ").append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
          first = false;
        }
        yield sb.append('}').toString();
      }
      case Undefined u -> "Undefined";
      default -> str(v);
    };
  }

  private static String reprString(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
    s.codePoints().forEach(cp -> {
      if (cp == quote || cp == '\\') {
        sb.append('\\').appendCodePoint(cp);
      } else if (cp == '\t') {
        sb.append("\\t");
      } else if (cp == '\n') {
        sb.append("\\n");
      } else if (cp == '\r') {
        sb.append("\\r");
      } else if (cp < ' ' || cp == 0x7f) {
        sb.append(String.format("\\x%02x", cp));
      } else if (cp < 0x7f || isPrintable(cp)) {
        sb.appendCodePoint(cp);
      } else {
        sb.append(backslashEscape(cp));
      }
    });
    return sb.append(quote).toString();
  }

  /** Python's {@code str.isprintable()} for one character. */
  static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
           Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
           Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }

  /** Python's {@code backslashreplace} spelling of a character: backslash-x, -u or -U escapes. */
  static String backslashEscape(int cp) {
    if (cp <= 0xff) {
      return String.format("\\x%02x", cp);
    }
    return cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
  }

  /** Python's {@code repr(float)}: the shortest round-tripping digits, scientific outside 1e-4..1e16. */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    // Double.toString yields the shortest decimal that round-trips (JDK 19+), like Python's repr.
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int exponent = digits.length() - 1 - exact.scale();
    StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
    if (exponent < -4 || exponent >= 16) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(exponent < 0 ? '-' : '+');
      String e = Integer.toString(Math.abs(exponent));
      sb.append(e.length() < 2 ? "0" + e : e);
    } else if (exponent < 0) {
      sb.append("0.").append("0".repeat(-exponent - 1)).append(digits);
    } else if (digits.length() <= exponent + 1) {
      sb.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
    } else {
      sb.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
    }
    return sb.toString();
  }

  // ---- equality and ordering ----

  /** Markup compares, hashes and iterates as the str it is. */
  static Object plain(Object v) {
    return v instanceof Markup m ? m.text() : v;
  }

  static boolean eq(Object a, Object b) {
    a = plain(a);
    b = plain(b);
    if (a == b) {
      return !(a instanceof Double d && d.isNaN());
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Undefined || b instanceof Undefined) {
      return a instanceof Undefined && b instanceof Undefined;
    }
    if (isNumber(a) && isNumber(b)) {
      if (isInt(a) && isInt(b)) {
        return toLong(a) == toLong(b);
      }
      return compareNumbers(a, b) == 0;
    }
    if (a instanceof String s) {
      return s.equals(b);
    }
    if (a instanceof DictView || b instanceof DictView) {
      // Key and item views compare like sets; value views only to themselves.
      return a instanceof DictView x && b instanceof DictView y && !x.kind().equals("dict_values")
          && x.kind().equals(y.kind()) && x.size() == y.size() && x.stream().allMatch(e -> contains(y, e));
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if ((a instanceof Tuple) != (b instanceof Tuple) || x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!eq(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        Object key = findKey(y, e.getKey());
        if (key == MISSING || !eq(e.getValue(), y.get(key))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Compares two numbers; NaN compares as "unordered" (Integer.MIN_VALUE). */
  private static int compareNumbers(Object a, Object b) {
    if (isInt(a) && isInt(b)) {
      return Long.compare(toLong(a), toLong(b));
    }
    double x = toDouble(a);
    double y = toDouble(b);
    if (Double.isNaN(x) || Double.isNaN(y)) {
      return Integer.MIN_VALUE;
    }
    if ((isInt(a) || isInt(b)) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
      // Compare exactly: a long and a double may differ beyond double precision.
      BigDecimal bx = isInt(a) ? BigDecimal.valueOf(toLong(a)) : new BigDecimal(x);
      BigDecimal by = isInt(b) ? BigDecimal.valueOf(toLong(b)) : new BigDecimal(y);
      return bx.compareTo(by);
    }
    return Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y);
  }

  /** Evaluates {@code a op b} for op in lt, lteq, gt, gteq (Python ordering). */
  static boolean order(String op, Object a, Object b) {
    if (a instanceof Undefined u) {
      throw u.error();
    }
    if (b instanceof Undefined u) {
      throw u.error();
    }
    int c = compare(op, a, b);
    if (c == Integer.MIN_VALUE) {
      return false;
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  /** Three-way comparison with Python's rules, or a TypeError for unorderable types. */
  static int compare(String op, Object a, Object b) {
    a = plain(a);
    b = plain(b);
    if (isNumber(a) && isNumber(b)) {
      return compareNumbers(a, b);
    }
    if (a instanceof String x && b instanceof String y) {
      return compareCodePoints(x, y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y && (a instanceof Tuple) == (b instanceof Tuple)
        && !(a instanceof DictView) && !(b instanceof DictView)) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        if (!eq(x.get(i), y.get(i))) {
          return compare(op, x.get(i), y.get(i));
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    throw typeError("'" + op + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
  }

  static int compareCodePoints(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int a = x.codePointAt(i);
      int b = y.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Integer.compare(x.length() - i, y.length() - j);
  }

  static final Object MISSING = new Object();

  /** The key of {@code map} that equals {@code key} in Python terms (1 == 1.0 == True), or MISSING. */
  static Object findKey(Map<?, ?> map, Object key) {
    if (map.containsKey(key)) {
      return key;
    }
    if (isNumber(key)) {
      for (Object k : map.keySet()) {
        if (isNumber(k) && eq(k, key)) {
          return k;
        }
      }
    }
    return MISSING;
  }

  static void requireHashable(Object key) {
    if (key instanceof List<?> && !(key instanceof Tuple) || key instanceof Map<?, ?>) {
      throw typeError("unhashable type: '" + typeName(key) + "'");
    }
  }

  /** Python's {@code item in container}. */
  static boolean contains(Object container, Object item) {
    container = plain(container);
    item = plain(item);
    switch (container) {
      case String s -> {
        if (!(item instanceof String sub)) {
          throw typeError("'in <string>' requires string as left operand, not " + typeName(item));
        }
        return s.contains(sub);
      }
      case Map<?, ?> m -> {
        requireHashable(item);
        return findKey(m, item) != MISSING;
      }
      case List<?> l -> {
        for (Object o : l) {
          if (eq(o, item)) {
            return true;
          }
        }
        return false;
      }
      case Undefined u -> {
        return false;
      }
      case Generator g -> {
        for (Object o : g) {
          if (eq(o, item)) {
            return true;
          }
        }
        return false;
      }
      case null, default -> throw typeError("argument of type '" + typeName(container) + "' is not iterable");
    }
  }

  // ---- len and iteration ----

  static int len(Object v) {
    return switch (plain(v)) {
      case String s -> s.codePointCount(0, s.length());
      case List<?> l -> l.size();
      case Map<?, ?> m -> m.size();
      case Undefined u -> 0;
      case null, default -> throw typeError("object of type '" + typeName(v) + "' has no len()");
    };
  }

  @SuppressWarnings("unchecked")
  static Iterable<Object> iterate(Object v) {
    return switch (plain(v)) {
      case List<?> l -> (List<Object>) l;
      case Map<?, ?> m -> new ArrayList<>(m.keySet());
      case String s -> chars(s);
      case Undefined u -> Collections.emptyList();
      case Generator g -> g;
      case null, default -> throw typeError("'" + typeName(v) + "' object is not iterable");
    };
  }

  /** Materializes any iterable into a new list (Python's {@code list(v)}). */
  static List<Object> toList(Object v) {
    List<Object> out = new ArrayList<>();
    iterate(v).forEach(out::add);
    return out;
  }

  /** The characters (code points) of a string, each as a one-character string. */
  static List<Object> chars(String s) {
    List<Object> out = new ArrayList<>(s.length());
    s.codePoints().forEach(cp -> out.add(Character.toString(cp)));
    return out;
  }

  static boolean isIterable(Object v) {
    return v instanceof List<?> || v instanceof Map<?, ?> || v instanceof String || v instanceof Markup
        || v instanceof Undefined
        || v instanceof Generator;
  }

  // ---- attribute and item access (Jinja's SandboxedEnvironment.getattr / getitem) ----

  /** {@code obj.name}: a method or attribute first, then the item {@code obj[name]}. */
  static Object getattr(Object obj, String name) {
    if (obj instanceof Undefined u) {
      throw u.error();
    }
    Object method = Methods.lookup(obj, name);
    if (method != null) {
      return method;
    }
    Object item = item(obj, name);
    return item != MISSING ? item : Undefined.member(obj, name);
  }

  /** {@code obj[key]}: the item first, then for string keys a method or attribute. */
  static Object getitem(Object obj, Object key) {
    if (obj instanceof Undefined u) {
      throw u.error();
    }
    Object item = item(obj, key);
    if (item != MISSING) {
      return item;
    }
    if (key instanceof String name) {
      Object method = Methods.lookup(obj, name);
      if (method != null) {
        return method;
      }
    }
    return Undefined.member(obj, key);
  }

  private static Object item(Object obj, Object key) {
    switch (obj) {
      case DictView v -> {
        return MISSING;
      }
      case Markup m -> {
        Object item = item(m.text(), key);
        return item == MISSING ? MISSING : Markup.wrap(item);
      }
      case Map<?, ?> m -> {
        if (key instanceof List<?> && !(key instanceof Tuple) || key instanceof Map<?, ?>) {
          return MISSING;
        }
        Object k = findKey(m, key);
        return k == MISSING ? MISSING : m.get(k);
      }
      case List<?> l -> {
        if (!isInt(key)) {
          return MISSING;
        }
        long i = toLong(key);
        if (i < 0) {
          i += l.size();
        }
        return i >= 0 && i < l.size() ? l.get((int) i) : MISSING;
      }
      case String s -> {
        if (!isInt(key)) {
          return MISSING;
        }
        int n = s.codePointCount(0, s.length());
        long i = toLong(key);
        if (i < 0) {
          i += n;
        }
        if (i < 0 || i >= n) {
          return MISSING;
        }
        int at = s.offsetByCodePoints(0, (int) i);
        return Character.toString(s.codePointAt(at));
      }
      case Namespace ns -> {
        return key instanceof String name && ns.attributes.containsKey(name) ? ns.attributes.get(name) : MISSING;
      }
      case null, default -> {
        return MISSING;
      }
    }
  }

  /**
   * {@code obj[start:stop:step]}. Jinja compiles slices to plain Python subscripts (bypassing the
   * sandbox's getitem), so misuse is a TypeError rather than an undefined value.
   */
  static Object slice(Object obj, Object start, Object stop, Object step) {
    switch (obj) {
      case Undefined u -> throw u.error();
      case Markup m -> {
        return Markup.wrap(slice(m.text(), start, stop, step));
      }
      case Map<?, ?> m -> throw typeError("unhashable type: 'slice'");
      case DictView v -> throw typeError("'" + v.kind() + "' object is not subscriptable");
      case String s -> { }
      case List<?> l -> { }
      case null, default -> throw typeError("'" + typeName(obj) + "' object is not subscriptable");
    }
    for (Object bound : new Object[] {start, stop, step}) {
      if (bound != null && !isInt(bound)) {
        throw typeError("slice indices must be integers or None or have an __index__ method");
      }
    }
    List<Object> items = obj instanceof String s ? chars(s) : new ArrayList<>((List<?>) obj);
    long n = items.size();
    long st = step == null ? 1 : toLong(step);
    if (st == 0) {
      throw TemplateException.runtime("slice step cannot be zero");
    }
    long lower = st < 0 ? -1 : 0;
    long upper = st < 0 ? n - 1 : n;
    long from = start == null ? (st < 0 ? upper : lower) : clampIndex(toLong(start), n, lower, upper);
    long to = stop == null ? (st < 0 ? lower : upper) : clampIndex(toLong(stop), n, lower, upper);
    List<Object> out = new ArrayList<>();
    for (long i = from; st > 0 ? i < to : i > to; i += st) {
      out.add(items.get((int) i));
    }
    if (obj instanceof String) {
      StringBuilder sb = new StringBuilder();
      out.forEach(sb::append);
      return sb.toString();
    }
    return obj instanceof Tuple ? Tuple.of(out) : out;
  }

  private static long clampIndex(long i, long n, long lower, long upper) {
    if (i < 0) {
      i += n;
      return Math.max(i, lower);
    }
    return Math.min(i, upper);
  }

  // ---- string helpers (Python whitespace and strip semantics) ----

  /** Regex character-class body matching what Python calls whitespace (Java's backslash-s is ASCII-only). */
  static final String SPACE_CLASS =
      "\\s\\u001c-\\u001f\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

  /** Python's {@code str.isspace()} for one character. */
  static boolean isSpace(int cp) {
    return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20) || cp == 0x85 || cp == 0xa0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f
        || cp == 0x3000;
  }

  private static boolean strips(int cp, String chars) {
    return chars == null ? isSpace(cp) : chars.indexOf(Character.toString(cp)) >= 0;
  }

  static String lstrip(String s, String chars) {
    int i = 0;
    while (i < s.length() && strips(s.codePointAt(i), chars)) {
      i += Character.charCount(s.codePointAt(i));
    }
    return s.substring(i);
  }

  static String rstrip(String s, String chars) {
    int end = s.length();
    while (end > 0 && strips(s.codePointBefore(end), chars)) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(0, end);
  }

  static String strip(String s, String chars) {
    return lstrip(rstrip(s, chars), chars);
  }

  /** Iterates a Python iterable lazily (used by generator filters). */
  static Iterator<Object> iterator(Object v) {
    return iterate(v).iterator();
  }
}
