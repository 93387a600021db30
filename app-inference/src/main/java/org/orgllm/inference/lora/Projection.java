package org.orgllm.inference.lora;

import java.util.Arrays;
import java.util.Optional;

/** The seven projections of a decoder layer that LoRA can target, with their checkpoint groups. */
public enum Projection {
  q_proj("self_attn"),
  k_proj("self_attn"),
  v_proj("self_attn"),
  o_proj("self_attn"),
  gate_proj("mlp"),
  up_proj("mlp"),
  down_proj("mlp");

  private final String parent;

  Projection(String parent) {
    this.parent = parent;
  }

  /** The sub-module holding it: {@code self_attn} or {@code mlp}. */
  public String parent() {
    return parent;
  }

  /** The module path inside the base model, e.g. {@code model.layers.3.self_attn.q_proj}. */
  public String modulePath(int layer) {
    return "model.layers." + layer + "." + parent + "." + name();
  }

  /** The projection of a module name such as {@code q_proj}. */
  public static Optional<Projection> of(String name) {
    return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
  }
}
