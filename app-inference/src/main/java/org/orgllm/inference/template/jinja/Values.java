package org.orgllm.inference.template.jinja;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts Java values handed to a template into template values (a deep copy, so templates cannot see later changes). */
final class Values {

  private Values() {
  }

  static Object fromJava(Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case Boolean b -> b;
      case Long l -> l;
      case Integer i -> (long) i;
      case Short s -> (long) s;
      case Byte b -> (long) b;
      case BigInteger b -> {
        if (b.bitLength() >= 64) {
          throw new IllegalArgumentException("integer out of range for a template value: " + b);
        }
        yield b.longValue();
      }
      case Double d -> d;
      case Float f -> (double) f;
      case BigDecimal d -> d.doubleValue();
      case Number n -> n.doubleValue();
      case Character c -> c.toString();
      case JinjaFunction f -> f;
      case Map<?, ?> m -> {
        Map<Object, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(fromJava(k), fromJava(v)));
        yield copy;
      }
      case Iterable<?> it -> {
        List<Object> copy = new ArrayList<>();
        it.forEach(v -> copy.add(fromJava(v)));
        yield copy;
      }
      default -> {
        if (value.getClass().isArray()) {
          List<Object> copy = new ArrayList<>();
          for (int i = 0; i < Array.getLength(value); i++) {
            copy.add(fromJava(Array.get(value, i)));
          }
          yield copy;
        }
        throw new IllegalArgumentException("unsupported template value type: " + value.getClass().getName());
      }
    };
  }
}
