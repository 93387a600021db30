package org.orgllm.inference.template.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's arithmetic operators on template values: int/float promotion (bool is an int), true
 * and floor division, Python's modulo signs, string/list concatenation and repetition, {@code %}
 * string formatting, and the markupsafe rules when a {@link Markup} is involved.
 */
final class Arithmetic {

  private Arithmetic() {
  }

  static Object binary(String op, Object a, Object b) {
    if (a instanceof Undefined u) {
      throw u.error();
    }
    // str % undefined is allowed: Undefined looks like a mapping to Python's % operator.
    if (b instanceof Undefined u && !(op.equals("%") && (a instanceof String || a instanceof Markup))) {
      throw u.error();
    }
    return switch (op) {
      case "+" -> add(a, b);
      case "-" -> numeric(op, a, b);
      case "*" -> mul(a, b);
      case "/" -> {
        checkNumbers(op, a, b);
        if (Py.toDouble(b) == 0) {
          throw TemplateException.runtime(Py.isInt(a) && Py.isInt(b) ? "division by zero" : "float division by zero");
        }
        yield Py.toDouble(a) / Py.toDouble(b);
      }
      case "//" -> numeric(op, a, b);
      case "%" -> a instanceof String s ? PyFormat.percent(s, b)
          : a instanceof Markup m ? new Markup(PyFormat.percent(m.text(), escapeArgs(b))) : numeric(op, a, b);
      case "**" -> pow(a, b);
      default -> throw new IllegalArgumentException(op);
    };
  }

  /** Format arguments for {@code markup % args}: strings get escaped, like markupsafe does. */
  private static Object escapeArgs(Object args) {
    if (args instanceof Tuple t) {
      return Tuple.of(t.stream().map(Arithmetic::escapeArg).toList());
    }
    if (args instanceof Map<?, ?> m) {
      Map<Object, Object> escaped = new LinkedHashMap<>();
      m.forEach((k, v) -> escaped.put(k, escapeArg(v)));
      return escaped;
    }
    return escapeArg(args);
  }

  private static Object escapeArg(Object v) {
    return v instanceof String || v instanceof Markup ? Markup.escape(v) : v;
  }

  private static Object add(Object a, Object b) {
    if (a instanceof Markup || b instanceof Markup) {
      // Markup + str escapes the plain side (markupsafe's __add__ / __radd__).
      if ((a instanceof String || a instanceof Markup) && (b instanceof String || b instanceof Markup)) {
        return new Markup(Markup.escape(a).text() + Markup.escape(b).text());
      }
      a = Py.plain(a);
      b = Py.plain(b);
    }
    if (Py.isNumber(a) && Py.isNumber(b)) {
      return numeric("+", a, b);
    }
    if (a instanceof String x && b instanceof String y) {
      return x + y;
    }
    if (a instanceof Tuple x && b instanceof Tuple y) {
      List<Object> all = new ArrayList<>(x);
      all.addAll(y);
      return Tuple.of(all);
    }
    if (a instanceof DictView || b instanceof DictView) {
      throw unsupported("+", a, b);
    }
    if (a instanceof List<?> x && b instanceof List<?> y && !(a instanceof Tuple) && !(b instanceof Tuple)) {
      List<Object> all = new ArrayList<>(x);
      all.addAll(y);
      return all;
    }
    if (a instanceof String || a instanceof List<?>) {
      String t = Py.typeName(a);
      throw Py.typeError("can only concatenate " + t + " (not \"" + Py.typeName(b) + "\") to " + t);
    }
    throw unsupported("+", a, b);
  }

  private static Object mul(Object a, Object b) {
    if (a instanceof Markup || b instanceof Markup) {
      return Markup.wrap(mul(Py.plain(a), Py.plain(b)));
    }
    if (Py.isNumber(a) && Py.isNumber(b)) {
      return numeric("*", a, b);
    }
    if (a instanceof DictView || b instanceof DictView) {
      throw unsupported("*", a, b);
    }
    Object seq = Py.isInt(a) ? b : a;
    Object times = Py.isInt(a) ? a : b;
    if (!Py.isInt(times) || !(seq instanceof String || seq instanceof List<?>)) {
      if (seq instanceof String || seq instanceof List<?>) {
        throw Py.typeError("can't multiply sequence by non-int of type '" + Py.typeName(times) + "'");
      }
      throw unsupported("*", a, b);
    }
    long n = Math.max(0, Py.toLong(times));
    if (seq instanceof String s) {
      return s.repeat(Math.toIntExact(n));
    }
    List<Object> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.addAll((List<?>) seq);
    }
    return seq instanceof Tuple ? Tuple.of(out) : out;
  }

  private static void checkNumbers(String op, Object a, Object b) {
    if (!Py.isNumber(a) || !Py.isNumber(b)) {
      throw unsupported(op, a, b);
    }
  }

  private static TemplateException unsupported(String op, Object a, Object b) {
    return Py.typeError("unsupported operand type(s) for " + op + ": '" + Py.typeName(a) + "' and '" + Py.typeName(b) + "'");
  }

  private static Object numeric(String op, Object a, Object b) {
    checkNumbers(op, a, b);
    if (Py.isInt(a) && Py.isInt(b)) {
      long x = Py.toLong(a);
      long y = Py.toLong(b);
      try {
        return switch (op) {
          case "+" -> Math.addExact(x, y);
          case "-" -> Math.subtractExact(x, y);
          case "*" -> Math.multiplyExact(x, y);
          case "//" -> {
            if (y == 0) {
              throw TemplateException.runtime("integer division or modulo by zero");
            }
            yield Math.floorDiv(x, y);
          }
          default -> {
            if (y == 0) {
              throw TemplateException.runtime("integer modulo by zero");
            }
            yield Math.floorMod(x, y);
          }
        };
      } catch (ArithmeticException e) {
        throw TemplateException.runtime("integer overflow in " + op);
      }
    }
    double x = Py.toDouble(a);
    double y = Py.toDouble(b);
    return switch (op) {
      case "+" -> x + y;
      case "-" -> x - y;
      case "*" -> x * y;
      case "//" -> {
        if (y == 0) {
          throw TemplateException.runtime("float floor division by zero");
        }
        yield floatDivmod(x, y)[0];
      }
      default -> {
        if (y == 0) {
          throw TemplateException.runtime("float modulo");
        }
        yield floatDivmod(x, y)[1];
      }
    };
  }

  /** CPython's float_divmod, so {@code //} and {@code %} round exactly as Python does (1e3 // 0.1 == 9999.0). */
  private static double[] floatDivmod(double x, double y) {
    double mod = x % y;
    double div = (x - mod) / y;
    if (mod != 0) {
      if ((y < 0) != (mod < 0)) {
        mod += y;
        div -= 1.0;
      }
    } else {
      mod = Math.copySign(0.0, y);
    }
    double floorDiv;
    if (div != 0) {
      floorDiv = Math.floor(div);
      if (div - floorDiv > 0.5) {
        floorDiv += 1.0;
      }
    } else {
      floorDiv = Math.copySign(0.0, x / y);
    }
    return new double[] {floorDiv, mod};
  }

  private static Object pow(Object a, Object b) {
    checkNumbers("** or pow()", a, b);
    if (Py.isInt(a) && Py.isInt(b) && Py.toLong(b) >= 0) {
      long base = Py.toLong(a);
      long result = 1;
      try {
        for (long i = Py.toLong(b); i > 0; i--) {
          result = Math.multiplyExact(result, base);
        }
      } catch (ArithmeticException e) {
        throw TemplateException.runtime("integer overflow in **");
      }
      return result;
    }
    if (Py.toDouble(a) == 0 && Py.toDouble(b) < 0) {
      throw TemplateException.runtime("0.0 cannot be raised to a negative power");
    }
    double result = Math.pow(Py.toDouble(a), Py.toDouble(b));
    if (Double.isInfinite(result) && Double.isFinite(Py.toDouble(a)) && Double.isFinite(Py.toDouble(b))) {
      // Unlike * and +, Python's float ** refuses to overflow to inf.
      throw TemplateException.runtime("(34, 'Numerical result out of range')");
    }
    return result;
  }

  static Object negate(Object v) {
    return switch (v) {
      case Undefined u -> throw u.error();
      case Long l -> Math.negateExact(l);
      case Boolean b -> b ? -1L : 0L;
      case Double d -> -d;
      case null, default -> throw Py.typeError("bad operand type for unary -: '" + Py.typeName(v) + "'");
    };
  }

  static Object plus(Object v) {
    return switch (v) {
      case Undefined u -> throw u.error();
      case Boolean b -> b ? 1L : 0L;
      case Long l -> l;
      case Double d -> d;
      case null, default -> throw Py.typeError("bad operand type for unary +: '" + Py.typeName(v) + "'");
    };
  }
}
