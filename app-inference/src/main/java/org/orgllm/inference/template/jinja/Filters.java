package org.orgllm.inference.template.jinja;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2's built-in filters ({@code filters.py}), with {@code tojson} as Hugging Face defines it
 * ({@code json.dumps(x, ensure_ascii=False, indent=indent)}: no HTML escaping, no key sorting).
 */
final class Filters {

  /** A filter: {@code value | name(args, kwargs)}. */
  @FunctionalInterface
  interface Filter {
    Object apply(Interpreter interpreter, Object value, List<Object> args, Map<String, Object> kwargs);
  }

  private static final Pattern WORD_BEGINNING = Pattern.compile("([-" + Py.SPACE_CLASS + "({\\[<]+)");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final Map<String, Filter> FILTERS = new HashMap<>();

  private Filters() {
  }

  static Filter get(String name) {
    return FILTERS.get(name);
  }

  private static void register(Filter filter, String... names) {
    for (String name : names) {
      FILTERS.put(name, filter);
    }
  }

  private static Arguments bind(String name, List<Object> args, Map<String, Object> kwargs, String... params) {
    return Arguments.bind(name, args, kwargs, params);
  }

  static {
    register((in, v, a, k) -> {
      bind("abs", a, k);
      return switch (v) {
        case Long l -> Math.abs(l);
        case Double d -> Math.abs(d);
        case Boolean b -> b ? 1L : 0L;
        case null, default -> throw TemplateException.runtime("bad operand type for abs(): '" + Py.typeName(v) + "'");
      };
    }, "abs");
    register((in, v, a, k) -> attr(v, bind("attr", a, k, "name").string(0)), "attr");
    register(Filters::batch, "batch");
    register((in, v, a, k) -> StringOps.capitalize(Py.str(v)), "capitalize");
    register((in, v, a, k) -> StringOps.pad(Py.str(v), (int) bind("center", a, k, "width?").integer(0, 80), " ",
        "center"), "center");
    register((in, v, a, k) -> {
      bind("length", a, k);
      return (long) Py.len(v);
    }, "length", "count");
    register((in, v, a, k) -> {
      Arguments args = bind("default", a, k, "default_value?", "boolean?");
      return v instanceof Undefined || args.truthy(1, false) && !Py.truthy(v) ? args.get(0, "") : v;
    }, "default", "d");
    register(Filters::dictsort, "dictsort");
    register((in, v, a, k) -> Markup.escape(v), "escape", "e");
    register((in, v, a, k) -> new Markup(escape(Py.str(v))), "forceescape");
    register((in, v, a, k) -> {
      Iterator<Object> it = Py.iterator(v);
      return it.hasNext() ? it.next() : Undefined.withHint("No first item, sequence was empty.");
    }, "first");
    register((in, v, a, k) -> toFloat(v, bind("float", a, k, "default?").get(0, 0.0)), "float");
    register((in, v, a, k) -> {
      if (!a.isEmpty() && !k.isEmpty()) {
        throw TemplateException.runtime("can't handle positional and keyword arguments at the same time");
      }
      return PyFormat.percent(Py.str(v), k.isEmpty() ? Tuple.of(a) : new LinkedHashMap<>(k));
    }, "format");
    register(Filters::groupby, "groupby");
    register(Filters::indent, "indent");
    register((in, v, a, k) -> {
      Arguments args = bind("int", a, k, "default?", "base?");
      return toInt(v, args.get(0, 0L), (int) args.integer(1, 10));
    }, "int");
    register((in, v, a, k) -> {
      if (v instanceof Undefined) {
        return new Generator("do_items", Collections.emptyIterator());
      }
      if (!(v instanceof Map<?, ?> m)) {
        throw TemplateException.runtime("Can only get item pairs from a mapping.");
      }
      List<Object> items = new ArrayList<>();
      m.forEach((key, value) -> items.add(new Tuple(key, value)));
      return new Generator("do_items", items.iterator());
    }, "items");
    register((in, v, a, k) -> {
      Arguments args = bind("join", a, k, "d?", "attribute?");
      Function<Object, Object> getter = attrGetter(args.orNone(1, null), null, false);
      StringBuilder sb = new StringBuilder();
      String sep = Py.str(args.get(0, ""));
      boolean first = true;
      for (Object item : Py.iterate(v)) {
        sb.append(first ? "" : sep).append(Py.str(getter.apply(item)));
        first = false;
      }
      return sb.toString();
    }, "join");
    register((in, v, a, k) -> {
      if (v instanceof Generator) {
        throw TemplateException.runtime("'generator' object is not reversible");
      }
      List<Object> items = Py.toList(v);
      return items.isEmpty() ? Undefined.withHint("No last item, sequence was empty.") : items.getLast();
    }, "last");
    register((in, v, a, k) -> Py.toList(v), "list");
    register((in, v, a, k) -> Py.str(v).toLowerCase(Locale.ROOT), "lower");
    register((in, v, a, k) -> Py.str(v).toUpperCase(Locale.ROOT), "upper");
    register(Filters::map, "map");
    register((in, v, a, k) -> minMax(v, a, k, "min"), "min");
    register((in, v, a, k) -> minMax(v, a, k, "max"), "max");
    register((in, v, a, k) -> selectOrReject(in, v, a, k, true, false), "select");
    register((in, v, a, k) -> selectOrReject(in, v, a, k, false, false), "reject");
    register((in, v, a, k) -> selectOrReject(in, v, a, k, true, true), "selectattr");
    register((in, v, a, k) -> selectOrReject(in, v, a, k, false, true), "rejectattr");
    register((in, v, a, k) -> {
      Arguments args = bind("replace", a, k, "old", "new", "count?");
      return StringOps.replace(Py.str(v), Py.str(args.get(0)), Py.str(args.get(1)),
          args.orNone(2, null) == null ? -1 : Py.requireInt(args.get(2)));
    }, "replace");
    register(Filters::reverse, "reverse");
    register(Filters::round, "round");
    register((in, v, a, k) -> v instanceof Markup ? v : new Markup(Py.str(v)), "safe");
    // soft_str: Markup stays Markup.
    register((in, v, a, k) -> v instanceof Markup ? v : Py.str(v), "string");
    register(Filters::slice, "slice");
    register(Filters::sort, "sort");
    register((in, v, a, k) -> {
      Arguments args = bind("sum", a, k, "attribute?", "start?");
      Function<Object, Object> getter = attrGetter(args.orNone(0, null), null, false);
      Object total = args.get(1, 0L);
      for (Object item : Py.iterate(v)) {
        total = Arithmetic.binary("+", total, getter.apply(item));
      }
      return total;
    }, "sum");
    register((in, v, a, k) -> title(Py.str(v)), "title");
    register((in, v, a, k) -> {
      Arguments args = bind("tojson", a, k, "ensure_ascii?", "indent?", "separators?", "sort_keys?");
      return JsonDumps.dumps(v, args.truthy(0, false), args.get(1, null), args.get(2, null), args.truthy(3, false));
    }, "tojson");
    register((in, v, a, k) -> {
      Arguments args = bind("trim", a, k, "chars?");
      return Py.strip(Py.str(v), args.orNone(0, null) == null ? null : args.string(0));
    }, "trim");
    register(Filters::truncate, "truncate");
    register(Filters::unique, "unique");
    register((in, v, a, k) -> {
      Matcher m = WORD.matcher(Py.str(v));
      long count = 0;
      while (m.find()) {
        count++;
      }
      return count;
    }, "wordcount");
  }

  // ---- attribute getters (make_attrgetter) ----

  /** Jinja's {@code make_attrgetter}: dotted paths, integer parts as indices, optional default and lower-casing. */
  static Function<Object, Object> attrGetter(Object attribute, Object fallback, boolean ignoreCase) {
    List<Object> parts = new ArrayList<>();
    if (attribute instanceof String s) {
      for (String part : s.split("\\.", -1)) {
        parts.add(!part.isEmpty() && part.chars().allMatch(Character::isDigit) ? (Object) Long.valueOf(part) : part);
      }
    } else if (attribute != null) {
      parts.add(attribute);
    }
    return item -> {
      for (Object part : parts) {
        item = Py.getitem(item, part);
        if (fallback != null && item instanceof Undefined) {
          item = fallback;
        }
      }
      return ignoreCase && item instanceof String s ? s.toLowerCase(Locale.ROOT) : item;
    };
  }

  private static Object attr(Object v, String name) {
    if (v instanceof Undefined u) {
      throw u.error();
    }
    Object method = Methods.lookup(v, name);
    if (method != null) {
      return method;
    }
    if (v instanceof Namespace ns && ns.attributes.containsKey(name)) {
      return ns.attributes.get(name);
    }
    return Undefined.member(v, name);
  }

  // ---- filters with more logic ----

  private static Object batch(Interpreter in, Object v, List<Object> a, Map<String, Object> k) {
    Arguments args = bind("batch", a, k, "linecount", "fill_with?");
    long size = Py.requireInt(args.get(0));
    Object fill = args.get(1, null);
    List<Object> batches = new ArrayList<>();
    List<Object> current = new ArrayList<>();
    for (Object item : Py.iterate(v)) {
      if (current.size() == size) {
        batches.add(current);
        current = new ArrayList<>();
      }
      current.add(item);
    }
    if (!current.isEmpty()) {
      while (fill != null && current.size() < size) {
        current.add(fill);
      }
      batches.add(current);
    }
    return new Generator("do_batch", batches.iterator());
  }

  private static Object slice(Interpreter in, Object v, List<Object> a, Map<String, Object> k) {
    Arguments args = bind("slice", a, k, "slices", "fill_with?");
    List<Object> seq = Py.toList(v);
    int slices = (int) Py.requireInt(args.get(0));
    Object fill = args.get(1, null);
    int perSlice = seq.size() / slices;
    int withExtra = seq.size() % slices;
    int offset = 0;
    List<Object> out = new ArrayList<>();
    for (int n = 0; n < slices; n++) {
      int start = offset + n * perSlice;
      if (n < withExtra) {
        offset++;
      }
      int end = offset + (n + 1) * perSlice;
      List<Object> part = new ArrayList<>(seq.subList(start, end));
      if (fill != null && n >= withExtra) {
        part.add(fill);
      }
      out.add(part);
    }
    return new Generator("do_slice", out.iterator());
  }

  private static Object dictsort(Interpreter in, Object v, List<Object> a, Map<String, Object> k) {
    Arguments args = bind("dictsort", a, k, "case_sensitive?", "by?", "reverse?");
    Object by = args.get(1, "key");
    if (!"key".equals(by) && !"value".equals(by)) {
      throw TemplateException.runtime("You can only sort by either \"key\" or \"value\"");
    }
    if (v instanceof Undefined u) {
      throw u.error();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw TemplateException.runtime("'" + Py.typeName(v) + "' object has no attribute 'items'");
    }
    int pos = "key".equals(by) ? 0 : 1;
    boolean caseSensitive = args.truthy(0, false);
    List<Object> items = new ArrayList<>();
    m.forEach((key, value) -> items.add(new Tuple(key, value)));
    Function<Object, Object> keyOf = item -> {
      Object x = ((Tuple) item).get(pos);
      return !caseSensitive && x instanceof String s ? s.toLowerCase(Locale.ROOT) : x;
    };
    sortBy(items, keyOf, args.truthy(2, false));
    return items;
  }

  private static void sortBy(List<Object> items, Function<Object, Object> key, boolean reverse) {
    Comparator<Object> order = (x, y) -> Py.compare("<", key.apply(x), key.apply(y));
    // Python's sorted(reverse=True) keeps equal items in their original order.
    items.sort(reverse ? order.reversed() : order);
  }

  private static Object sort(Interpreter in, Object v, List<Object> a, Map<String, Object> k) {
    Arguments args = bind("sort", a, k, "reverse?", "case_sensitive?", "attribute?");
    boolean ignoreCase = !args.truthy(1, false);
    Object attribute = args.orNone(2, null);
    List<Function<Object, Object>> getters = new ArrayList<>();
    if (attribute instanceof String s) {
      for (String part : s.split(",")) {
        getters.add(attrGetter(part, null, ignoreCase));
      }
    } else {
      getters.add(attrGetter(attribute, null, ignoreCase));
    }
    List<Object> items = Py.toList(v);
    Function<Object, Object> key = getters.size() == 1 ? getters.getFirst()
        : item -> getters.stream().map(g -> g.apply(item)).toList();
    sortBy(items, key, args.truthy(0, false));
    return items;
  }

  private static Object unique(Interpreter in, Object v, List<Object> a, Map<String, Object> k) {
    Arguments args = bind("unique", a, k, "case_sensitive?", "attribute?");
    Function<Object, Object> getter = attrGetter(args.orNone(1, null), null, !args.truthy(0, false));
    List<Object> seen = new ArrayList<>();
    List<Object> out = new ArrayList<>();
    for (Object item : Py.iterate(v)) {
      Object key = getter.apply(item);
      if (seen.stream().noneMatch(s -> Py.eq(s, key))) {
        seen.add(key);
        out.add(item);
      }
    }
    return new Generator("sync_do_unique", out.iterator());
  }

  private static Object minMax(Object v, List<Object> a, Map<String, Object> k, String which) {
    Arguments args = bind(which, a, k, "case_sensitive?", "attribute?");
    Function<Object, Object> key = attrGetter(args.orNone(1, null), null, !args.truthy(0, false));
    Object best = Py.MISSING;
    for (Object item : Py.iterate(v)) {
      if (best == Py.MISSING) {
        best = item;
        continue;
      }
      int c = Py.compare("<", key.apply(item), key.apply(best));
      if (which.equals("min") ? c < 0 : c > 0) {
        best = item;
      }
    }
    return best == Py.MISSING ? Undefined.withHint("No aggregated item, sequence was empty.") : best;
  }

  private static Object groupby(Interpreter in, Object v, List<Object> a, Map<String, Object> k) {
    Arguments args = bind("groupby", a, k, "attribute", "default?", "case_sensitive?");
    boolean caseSensitive = args.truthy(2, false);
    Function<Object, Object> key = attrGetter(args.get(0), args.get(1, null), !caseSensitive);
    Function<Object, Object> realKey = attrGetter(args.get(0), args.get(1, null), false);
    List<Object> items = Py.toList(v);
    sortBy(items, key, false);
    List<Object> groups = new ArrayList<>();
    List<Object> current = null;
    Object currentKey = null;
    for (Object item : items) {
      Object itemKey = key.apply(item);
      if (current == null || !Py.eq(itemKey, currentKey)) {
        current = new ArrayList<>();
        currentKey = itemKey;
        groups.add(Tuple.named(List.of("grouper", "list"), realKey.apply(item), current));
      }
      current.add(item);
    }
    return groups;
  }

  private static Object map(Interpreter in, Object v, List<Object> a, Map<String, Object> k) {
    Function<Object, Object> func;
    if (a.isEmpty() && k.containsKey("attribute")) {
      Map<String, Object> rest = new LinkedHashMap<>(k);
      Object attribute = rest.remove("attribute");
      Object fallback = rest.remove("default");
      if (!rest.isEmpty()) {
        throw TemplateException.runtime("Unexpected keyword argument " + Py.repr(rest.keySet().iterator().next()));
      }
      func = attrGetter(attribute, fallback, false);
    } else {
      if (a.isEmpty()) {
        throw TemplateException.runtime("map requires a filter argument");
      }
      String name = Py.str(a.getFirst());
      List<Object> rest = a.subList(1, a.size());
      func = item -> in.callFilter(name, item, rest, k);
    }
    if (!Py.truthy(v)) {
      return new Generator("sync_do_map", Collections.emptyIterator());
    }
    List<Object> out = new ArrayList<>();
    for (Object item : Py.iterate(v)) {
      out.add(func.apply(item));
    }
    return new Generator("sync_do_map", out.iterator());
  }

  private static Object selectOrReject(Interpreter in, Object v, List<Object> a, Map<String, Object> k,
      boolean select, boolean byAttribute) {
    String name = select ? byAttribute ? "selectattr" : "select" : byAttribute ? "rejectattr" : "reject";
    if (!Py.truthy(v)) {
      return new Generator("select_or_reject", Collections.emptyIterator());
    }
    Function<Object, Object> transform = item -> item;
    int offset = 0;
    if (byAttribute) {
      if (a.isEmpty()) {
        throw TemplateException.runtime("Missing parameter for attribute name");
      }
      transform = attrGetter(a.getFirst(), null, false);
      offset = 1;
    }
    String test = a.size() > offset ? Py.str(a.get(offset)) : null;
    List<Object> testArgs = a.size() > offset + 1 ? a.subList(offset + 1, a.size()) : List.of();
    List<Object> out = new ArrayList<>();
    for (Object item : Py.iterate(v)) {
      Object x = transform.apply(item);
      boolean passed = test == null ? Py.truthy(x) : in.callTest(test, x, testArgs, k);
      if (passed == select) {
        out.add(item);
      }
    }
    return new Generator(name.equals("select") || name.equals("reject") ? "select_or_reject" : name, out.iterator());
  }

  private static Object reverse(Interpreter in, Object v, List<Object> a, Map<String, Object> k) {
    if (v instanceof String s) {
      return Py.slice(s, null, null, -1L);
    }
    if (v instanceof List<?> || v instanceof Map<?, ?>) {
      List<Object> items = Py.toList(v);
      Collections.reverse(items);
      return new Generator(v instanceof Map<?, ?> ? "dict_reversekeyiterator" : "list_reverseiterator",
          items.iterator());
    }
    List<Object> items = Py.toList(v);
    Collections.reverse(items);
    return items;
  }

  private static Object round(Interpreter in, Object v, List<Object> a, Map<String, Object> k) {
    Arguments args = bind("round", a, k, "precision?", "method?");
    int precision = (int) args.integer(0, 0);
    Object method = args.get(1, "common");
    if (!"common".equals(method) && !"ceil".equals(method) && !"floor".equals(method)) {
      throw TemplateException.runtime("method must be common, ceil or floor");
    }
    if (!Py.isNumber(v)) {
      throw TemplateException.runtime("type " + Py.typeName(v) + " doesn't define __round__ method");
    }
    if ("common".equals(method)) {
      if (Py.isInt(v)) {
        // round(int, ndigits) stays an int; negative ndigits round to tens, hundreds, ...
        return precision >= 0 ? Py.toLong(v)
            : new BigDecimal(Py.toLong(v)).setScale(precision, RoundingMode.HALF_EVEN).longValue();
      }
      double d = Py.toDouble(v);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return d;
      }
      // Python rounds the exact binary value half-to-even, which BigDecimal(double) reproduces.
      return new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN).doubleValue();
    }
    double scale = Math.pow(10, precision);
    double scaled = Py.toDouble(v) * scale;
    return ("ceil".equals(method) ? Math.ceil(scaled) : Math.floor(scaled)) / scale;
  }

  private static Object indent(Interpreter in, Object v, List<Object> a, Map<String, Object> k) {
    Arguments args = bind("indent", a, k, "width?", "first?", "blank?");
    Object width = args.get(0, 4L);
    String indention = width instanceof String s ? s : " ".repeat((int) Math.max(0, Py.requireInt(width)));
    if (!(v instanceof String || v instanceof Markup)) {
      // do_indent starts with s += "\n", which only works for strings.
      if (v instanceof Undefined u) {
        throw u.error();
      }
      throw TemplateException.runtime(v instanceof List<?> ? "can only concatenate list (not \"str\") to list"
          : "unsupported operand type(s) for +=: '" + Py.typeName(v) + "' and 'str'");
    }
    List<Object> lines = StringOps.splitlines(Py.str(v) + "\n", false);
    StringBuilder sb = new StringBuilder();
    if (args.truthy(2, false)) {
      for (int i = 0; i < lines.size(); i++) {
        sb.append(i > 0 ? "\n" + indention : "").append(lines.get(i));
      }
    } else {
      sb.append(lines.getFirst());
      for (int i = 1; i < lines.size(); i++) {
        String line = (String) lines.get(i);
        sb.append('\n').append(line.isEmpty() ? "" : indention).append(line);
      }
    }
    return args.truthy(1, false) ? indention + sb : sb.toString();
  }

  private static Object truncate(Interpreter in, Object v, List<Object> a, Map<String, Object> k) {
    Arguments args = bind("truncate", a, k, "length?", "killwords?", "end?", "leeway?");
    long length = args.integer(0, 255);
    String end = args.has(2) ? args.string(2) : "...";
    long leeway = args.orNone(3, null) == null ? 5 : Py.requireInt(args.get(3));
    // do_truncate works on the value itself: short enough values of any sized type pass through.
    if (Py.len(v) <= length + leeway) {
      return v;
    }
    if (!(v instanceof String || v instanceof Markup)) {
      if (args.truthy(1, false)) {
        return Arithmetic.binary("+", Py.slice(v, null, length - end.codePointCount(0, end.length()), null), end);
      }
      throw TemplateException.runtime("'" + Py.typeName(v) + "' object has no attribute 'rsplit'");
    }
    String s = Py.str(v);
    String cut = (String) Py.slice(s, null, length - end.codePointCount(0, end.length()), null);
    if (args.truthy(1, false)) {
      return cut + end;
    }
    int space = cut.lastIndexOf(' ');
    return (space < 0 ? cut : cut.substring(0, space)) + end;
  }

  // ---- conversions ----

  /** Jinja's {@code int} filter; an undefined value is an error (Undefined refuses int()). */
  static Object toInt(Object v, Object fallback, int base) {
    switch (v) {
      case Undefined u -> throw u.error();
      case Long l -> {
        return l;
      }
      case Boolean b -> {
        return b ? 1L : 0L;
      }
      case Double d -> {
        return Double.isFinite(d) ? (Object) (long) d.doubleValue() : fallback;
      }
      case String s -> {
        String t = Py.strip(s, null).replace("_", "");
        try {
          int radix = base;
          String digits = t;
          String lower = t.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
          if ((base == 16 && lower.startsWith("0x")) || (base == 8 && lower.startsWith("0o"))
              || (base == 2 && lower.startsWith("0b"))) {
            digits = t.replaceFirst("(?i)0[xob]", "");
          } else if (base == 0) {
            radix = lower.startsWith("0x") ? 16 : lower.startsWith("0o") ? 8 : lower.startsWith("0b") ? 2 : 10;
            digits = radix == 10 ? t : t.replaceFirst("(?i)0[xob]", "");
          }
          return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
          Object f = toFloat(v, null);
          return f instanceof Double d && Double.isFinite(d) ? (Object) (long) d.doubleValue() : fallback;
        }
      }
      case null, default -> {
        return fallback;
      }
    }
  }

  static Object toFloat(Object v, Object fallback) {
    return switch (v) {
      case Undefined u -> throw u.error();
      case Double d -> d;
      case Long l -> (double) l;
      case Boolean b -> b ? 1.0 : 0.0;
      case String s -> {
        String t = Py.strip(s, null).toLowerCase(Locale.ROOT);
        if (t.matches("[+-]?(inf|infinity|nan)")) {
          yield t.contains("nan") ? Double.NaN : t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!t.matches("[+-]?(\\d(_?\\d)*(\\.(\\d(_?\\d)*)?)?|\\.\\d(_?\\d)*)(e[+-]?\\d(_?\\d)*)?")) {
          yield fallback;
        }
        yield Double.parseDouble(t.replace("_", ""));
      }
      case null, default -> fallback;
    };
  }

  /** markupsafe's escape: the five HTML-special characters. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&#34;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Jinja's {@code title} filter: words start after whitespace, '-', '(', '{', '[' or '<'. */
  static String title(String s) {
    StringBuilder sb = new StringBuilder();
    Matcher m = WORD_BEGINNING.matcher(s);
    int last = 0;
    List<String> items = new ArrayList<>();
    while (m.find()) {
      items.add(s.substring(last, m.start()));
      items.add(m.group());
      last = m.end();
    }
    items.add(s.substring(last));
    for (String item : items) {
      if (!item.isEmpty()) {
        int first = item.codePointAt(0);
        sb.append(Character.toString(first).toUpperCase(Locale.ROOT))
            .append(item.substring(Character.charCount(first)).toLowerCase(Locale.ROOT));
      }
    }
    return sb.toString();
  }
}
