package org.orgllm.inference.template.jinja;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Jinja2's built-in tests ({@code tests.py}): {@code x is defined}, {@code x is string}, {@code x is divisibleby 3}, ... */
final class Tests {

  /** A test: {@code value is name(args)}. */
  @FunctionalInterface
  interface Test {
    boolean test(Object value, List<Object> args, Map<String, Object> kwargs);
  }

  private static final Map<String, Test> TESTS = new HashMap<>();

  private Tests() {
  }

  static Test get(String name) {
    return TESTS.get(name);
  }

  private static void register(Test test, String... names) {
    for (String name : names) {
      TESTS.put(name, test);
    }
  }

  private static Object arg(String name, List<Object> args, Map<String, Object> kwargs, String param) {
    return Arguments.bind(name, args, kwargs, param).get(0);
  }

  static {
    register((v, a, k) -> Py.eq(Arithmetic.binary("%", v, 2L), 1L), "odd");
    register((v, a, k) -> Py.eq(Arithmetic.binary("%", v, 2L), 0L), "even");
    register((v, a, k) -> Py.eq(Arithmetic.binary("%", v, arg("divisibleby", a, k, "num")), 0L), "divisibleby");
    register((v, a, k) -> !(v instanceof Undefined), "defined");
    register((v, a, k) -> v instanceof Undefined, "undefined");
    register((v, a, k) -> Filters.get(Py.str(v)) != null, "filter");
    register((v, a, k) -> get(Py.str(v)) != null, "test");
    register((v, a, k) -> v == null, "none");
    register((v, a, k) -> v instanceof Boolean, "boolean");
    register((v, a, k) -> Boolean.FALSE.equals(v), "false");
    register((v, a, k) -> Boolean.TRUE.equals(v), "true");
    register((v, a, k) -> v instanceof Long, "integer");
    register((v, a, k) -> v instanceof Double, "float");
    register((v, a, k) -> StringOps.is(Py.str(v), "islower"), "lower");
    register((v, a, k) -> StringOps.is(Py.str(v), "isupper"), "upper");
    register((v, a, k) -> v instanceof String || v instanceof Markup, "string");
    register((v, a, k) -> v instanceof Map<?, ?>, "mapping");
    register((v, a, k) -> Py.isNumber(v), "number");
    // Python: has len() and __getitem__ (Jinja's Undefined has both).
    register((v, a, k) -> v instanceof String || v instanceof Markup || v instanceof List<?> && !(v instanceof DictView)
        || v instanceof Map<?, ?>
        || v instanceof Undefined, "sequence");
    register((v, a, k) -> Py.isIterable(v) || v instanceof LoopContext, "iterable");
    register((v, a, k) -> v instanceof JinjaFunction || v instanceof Undefined, "callable");
    register((v, a, k) -> sameAs(v, arg("sameas", a, k, "other")), "sameas");
    register((v, a, k) -> v instanceof Markup, "escaped");
    register((v, a, k) -> Py.contains(arg("in", a, k, "seq"), v), "in");
    register((v, a, k) -> Py.eq(v, arg("eq", a, k, "b")), "==", "eq", "equalto");
    register((v, a, k) -> !Py.eq(v, arg("ne", a, k, "b")), "!=", "ne");
    register((v, a, k) -> Py.order(">", v, arg("gt", a, k, "b")), ">", "gt", "greaterthan");
    register((v, a, k) -> Py.order(">=", v, arg("ge", a, k, "b")), ">=", "ge");
    register((v, a, k) -> Py.order("<", v, arg("lt", a, k, "b")), "<", "lt", "lessthan");
    register((v, a, k) -> Py.order("<=", v, arg("le", a, k, "b")), "<=", "le");
  }

  /**
   * Python's {@code is}. None, booleans and CPython's cached small ints are singletons; other
   * values are only identical to themselves.
   */
  private static boolean sameAs(Object a, Object b) {
    if (a == null || b == null || a instanceof Boolean || b instanceof Boolean) {
      return a == null ? b == null : a.equals(b);
    }
    if (a instanceof Long x && b instanceof Long y) {
      return x.longValue() == y.longValue() && x >= -5 && x <= 256;
    }
    return a == b;
  }
}
