package org.orgllm.inference.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} options after a subcommand. */
final class Args {

  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  Args(String[] args, int from, Set<String> knownFlags, Set<String> knownValues) {
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      if (knownFlags.contains(a)) {
        flags.add(a);
      } else if (knownValues.contains(a)) {
        if (i + 1 >= args.length) {
          throw new UsageException(a + " needs a value");
        }
        values.put(a, args[++i]);
      } else {
        throw new UsageException("unknown option " + a);
      }
    }
  }

  String required(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new UsageException(name + " is required");
    }
    return v;
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  int intValue(String name, int fallback) {
    String v = values.get(name);
    try {
      return v == null ? fallback : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be an integer, got '" + v + "'");
    }
  }

  /** Bad command line; Main prints usage and exits with 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
