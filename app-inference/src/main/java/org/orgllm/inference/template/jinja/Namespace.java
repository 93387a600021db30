package org.orgllm.inference.template.jinja;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The object {@code namespace(...)} returns: the one value templates may mutate
 * ({@code {% set ns.attr = ... %}}), which is how state escapes a loop body's scope.
 */
final class Namespace {

  final Map<String, Object> attributes = new LinkedHashMap<>();

  @Override
  public String toString() {
    return "<Namespace " + Py.repr(attributes) + ">";
  }
}
