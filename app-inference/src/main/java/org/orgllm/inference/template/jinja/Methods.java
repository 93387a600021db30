package org.orgllm.inference.template.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Python methods templates may call on values ({@code content.startswith('<think>')},
 * {@code message.get('role')}, {@code d.items()}, ...). Methods that would mutate a list or dict
 * are refused the way Jinja's ImmutableSandboxedEnvironment refuses them.
 */
final class Methods {

  private static final Set<String> UNSAFE_LIST = Set.of("append", "clear", "extend", "insert", "pop", "remove",
      "reverse", "sort");
  private static final Set<String> UNSAFE_DICT = Set.of("clear", "pop", "popitem", "setdefault", "update");

  private Methods() {
  }

  /** The attribute {@code name} of {@code obj}: a bound method, a property value, an unsafe-undefined, or null. */
  static Object lookup(Object obj, String name) {
    return switch (obj) {
      case String s -> stringMethod(s, name);
      case Markup m -> markupMethod(m, name);
      case Map<?, ?> m -> UNSAFE_DICT.contains(name) ? unsafe(obj, name) : dictMethod(m, name);
      case DictView v -> null;
      case Tuple t -> t.field(name) != Py.MISSING ? t.field(name) : sequenceMethod(t, name, "tuple");
      case List<?> l -> UNSAFE_LIST.contains(name) ? unsafe(obj, name) : sequenceMethod(l, name, "list");
      case LoopContext loop -> loop.attribute(name);
      case null, default -> null;
    };
  }

  private static Undefined unsafe(Object obj, String name) {
    return Undefined.withHint("access to attribute '" + name + "' of '" + Py.typeName(obj) + "' object is unsafe.");
  }

  private static Builtin method(String name, String owner, JinjaFunction body) {
    return new Builtin(name, owner, body);
  }

  // ---- dict ----

  private static Object dictMethod(Map<?, ?> m, String name) {
    return switch (name) {
      case "items" -> method(name, "dict", (a, k) -> {
        Arguments.bind("items", a, k);
        List<Object> items = new ArrayList<>();
        m.forEach((key, value) -> items.add(new Tuple(key, value)));
        return new DictView("dict_items", items);
      });
      case "keys" -> method(name, "dict", (a, k) -> {
        Arguments.bind("keys", a, k);
        return new DictView("dict_keys", new ArrayList<>(m.keySet()));
      });
      case "values" -> method(name, "dict", (a, k) -> {
        Arguments.bind("values", a, k);
        return new DictView("dict_values", new ArrayList<>(m.values()));
      });
      case "get" -> method(name, "dict", (a, k) -> {
        Arguments args = Arguments.bind("get", a, k, "key", "default?");
        Py.requireHashable(args.get(0));
        Object key = Py.findKey(m, args.get(0));
        return key != Py.MISSING ? m.get(key) : args.get(1, null);
      });
      case "copy" -> method(name, "dict", (a, k) -> new LinkedHashMap<Object, Object>(m));
      default -> null;
    };
  }

  // ---- list / tuple ----

  private static Object sequenceMethod(List<?> l, String name, String owner) {
    return switch (name) {
      case "count" -> method(name, owner, (a, k) -> {
        Object x = Arguments.bind("count", a, k, "value").get(0);
        return l.stream().filter(e -> Py.eq(e, x)).count();
      });
      case "index" -> method(name, owner, (a, k) -> {
        Object x = Arguments.bind("index", a, k, "value").get(0);
        for (int i = 0; i < l.size(); i++) {
          if (Py.eq(l.get(i), x)) {
            return (long) i;
          }
        }
        throw TemplateException.runtime(Py.repr(x) + " is not in " + owner);
      });
      case "copy" -> owner.equals("list") ? method(name, owner, (a, k) -> new ArrayList<Object>(l)) : null;
      default -> null;
    };
  }

  // ---- str ----

  private static Object stringMethod(String s, String name) {
    JinjaFunction body = switch (name) {
      case "startswith", "endswith" -> (a, k) -> affix(s, name, Arguments.bind(name, a, k, "prefix", "start?", "end?"));
      case "strip", "lstrip", "rstrip" -> (a, k) -> {
        Arguments args = Arguments.bind(name, a, k, "chars?");
        String chars = args.orNone(0, null) == null ? null : args.string(0);
        return switch (name) {
          case "strip" -> Py.strip(s, chars);
          case "lstrip" -> Py.lstrip(s, chars);
          default -> Py.rstrip(s, chars);
        };
      };
      case "split", "rsplit" -> (a, k) -> {
        Arguments args = Arguments.bind(name, a, k, "sep?", "maxsplit?");
        String sep = args.orNone(0, null) == null ? null : args.string(0);
        int max = (int) args.integer(1, -1);
        return name.equals("split") ? StringOps.split(s, sep, max) : StringOps.rsplit(s, sep, max);
      };
      case "splitlines" -> (a, k) -> StringOps.splitlines(s, Arguments.bind(name, a, k, "keepends?").truthy(0, false));
      case "replace" -> (a, k) -> {
        Arguments args = Arguments.bind(name, a, k, "old", "new", "count?");
        return StringOps.replace(s, args.string(0), args.string(1), args.integer(2, -1));
      };
      case "lower" -> (a, k) -> s.toLowerCase(Locale.ROOT);
      case "upper" -> (a, k) -> s.toUpperCase(Locale.ROOT);
      case "casefold" -> (a, k) -> s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
      case "title" -> (a, k) -> StringOps.title(s);
      case "capitalize" -> (a, k) -> StringOps.capitalize(s);
      case "swapcase" -> (a, k) -> StringOps.swapcase(s);
      case "find", "rfind", "index", "rindex", "count" -> (a, k) -> {
        Arguments args = Arguments.bind(name, a, k, "sub", "start?", "end?");
        return StringOps.search(s, name, args.string(0), args.orNone(1, null), args.orNone(2, null));
      };
      case "join" -> (a, k) -> {
        Object items = Arguments.bind(name, a, k, "iterable").get(0);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Object item : Py.iterate(items)) {
          if (!(item instanceof String part)) {
            throw TemplateException.runtime("sequence item " + i + ": expected str instance, "
                + Py.typeName(item) + " found");
          }
          sb.append(i++ > 0 ? s : "").append(part);
        }
        return sb.toString();
      };
      case "format" -> (a, k) -> PyFormat.format(s, a, k);
      case "center", "ljust", "rjust" -> (a, k) -> {
        Arguments args = Arguments.bind(name, a, k, "width", "fillchar?");
        String fill = args.has(1) ? args.string(1) : " ";
        return StringOps.pad(s, (int) args.integer(0, 0), fill, name);
      };
      case "zfill" -> (a, k) -> StringOps.zfill(s, (int) Arguments.bind(name, a, k, "width").integer(0, 0));
      case "partition", "rpartition" -> (a, k) -> StringOps.partition(s,
          Arguments.bind(name, a, k, "sep").string(0), name.equals("rpartition"));
      case "removeprefix" -> (a, k) -> {
        String p = Arguments.bind(name, a, k, "prefix").string(0);
        return s.startsWith(p) ? s.substring(p.length()) : s;
      };
      case "removesuffix" -> (a, k) -> {
        String p = Arguments.bind(name, a, k, "suffix").string(0);
        return s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s;
      };
      case "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "islower", "isupper", "istitle" ->
          (a, k) -> StringOps.is(s, name);
      default -> null;
    };
    return body == null ? null : method(name, "str", body);
  }

  /** Markup's methods return Markup and escape the strings passed to format and join. */
  private static Object markupMethod(Markup m, String name) {
    if (name.equals("format")) {
      return method(name, "Markup", (a, k) -> {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        k.forEach((key, v) -> kwargs.put(key, escapeStringy(v)));
        return new Markup(PyFormat.format(m.text(), a.stream().map(Methods::escapeStringy).toList(), kwargs));
      });
    }
    if (name.equals("join")) {
      return method(name, "Markup", (a, k) -> {
        List<String> escaped = new ArrayList<>();
        Py.iterate(Arguments.bind(name, a, k, "seq").get(0)).forEach(item -> escaped.add(Markup.escape(item).text()));
        return new Markup(String.join(m.text(), escaped));
      });
    }
    Object method = stringMethod(m.text(), name);
    if (!(method instanceof Builtin b)) {
      return method;
    }
    return method(name, "Markup", (a, k) -> Markup.wrap(b.call(a, k)));
  }

  private static Object escapeStringy(Object v) {
    return v instanceof String || v instanceof Markup ? Markup.escape(v).text() : v;
  }

  private static Object affix(String s, String name, Arguments args) {
    Object what = args.get(0);
    List<Object> options = what instanceof Tuple t ? t : List.of(what);
    String window = StringOps.window(s, args.orNone(1, null), args.orNone(2, null));
    if (window == null) {
      return false;
    }
    for (Object o : options) {
      if (!(o instanceof String affix)) {
        throw TemplateException.runtime(name + " first arg must be str or a tuple of str, not " + Py.typeName(o));
      }
      if (name.equals("startswith") ? window.startsWith(affix) : window.endsWith(affix)) {
        return true;
      }
    }
    return false;
  }
}
