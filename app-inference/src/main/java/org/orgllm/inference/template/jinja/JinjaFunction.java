package org.orgllm.inference.template.jinja;

import java.util.List;
import java.util.Map;

/**
 * A callable exposed to templates (a global such as {@code raise_exception}, a bound method such
 * as {@code str.startswith}, a macro). Arguments arrive as template values: {@link String},
 * {@link Long}, {@link Double}, {@link Boolean}, {@code null} (None), lists and maps.
 */
@FunctionalInterface
public interface JinjaFunction {

  /**
   * Calls the function.
   *
   * @param args positional arguments
   * @param kwargs keyword arguments, in call order
   * @return the result as a template value
   */
  Object call(List<Object> args, Map<String, Object> kwargs);
}
