package org.orgllm.inference.registry;

import java.util.Locale;

/**
 * Compares an adapter's {@code base_model_name_or_path} with the served base model's name. PEFT
 * writes a hub id ({@code Qwen/Qwen2.5-3B-Instruct}) or a training machine's path, while the base
 * lives in {@code models/base/qwen2.5-3b-instruct}: so only the last path segment counts, ignoring
 * case. An empty name matches (PEFT leaves it empty for some trainers); shapes are checked anyway.
 */
final class BaseModelMatch {

  private BaseModelMatch() {}

  /** Whether {@code adapterBase} names the same model as {@code servedBase}, leniently. */
  static boolean matches(String adapterBase, String servedBase) {
    if (adapterBase == null || adapterBase.isBlank()) {
      return true;
    }
    return lastSegment(adapterBase).equals(lastSegment(servedBase));
  }

  private static String lastSegment(String name) {
    String s = name.strip().replace('\\', '/');
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.substring(s.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }
}
