package org.orgllm.inference.lora;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;

/**
 * Which packed token rows of a forward pass use which adapter.
 *
 * <p>Built once per forward and shared by every projection: each projection runs ONE base matmul for
 * all tokens, then for each run of consecutive tokens with the same adapter applies A then B to that
 * slice and adds the result to the same slice of the output (views, no gather or scatter: {@code
 * index_add_} took most of a batched decode step on a busy CPU). A prefill row is one run; the
 * scheduler puts decode rows of the same adapter next to each other so each adapter is one run.
 * Rows without an adapter simply get no delta.
 */
public final class LoraBatch {

  /** Tokens {@code start .. start+length-1} use {@code adapter}. */
  public record Group(LoraAdapter adapter, int start, int length) {}

  private static final LoraBatch NONE = new LoraBatch(List.of());

  private final List<Group> groups;

  private LoraBatch(List<Group> groups) {
    this.groups = groups;
  }

  /** A batch without adapters. */
  public static LoraBatch none() {
    return NONE;
  }

  /**
   * Groups consecutive tokens by adapter.
   *
   * @param adapterPerToken the adapter of each packed token (null entries: base model only)
   */
  public static LoraBatch of(List<LoraAdapter> adapterPerToken) {
    if (adapterPerToken.isEmpty()) {
      return NONE;
    }
    List<Group> groups = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= adapterPerToken.size(); i++) {
      LoraAdapter current = adapterPerToken.get(start);
      if (i == adapterPerToken.size() || adapterPerToken.get(i) != current) {
        if (current != null) {
          groups.add(new Group(current, start, i - start));
        }
        start = i;
      }
    }
    return groups.isEmpty() ? NONE : new LoraBatch(List.copyOf(groups));
  }

  /** The groups, one per run of tokens sharing an adapter. */
  public List<Group> groups() {
    return groups;
  }

  /**
   * Adds every group's delta for projection {@code proj} of layer {@code layer} into {@code y}.
   *
   * @param x (tokens, in) the projection input
   * @param y (tokens, out) the base output, updated in place
   */
  public void apply(int layer, Projection proj, Tensor x, Tensor y) {
    for (Group g : groups) {
      LoraWeights w = g.adapter().weights(layer, proj);
      if (w == null) {
        continue;
      }
      // Every call costs a JNI crossing and a dispatch, so whole-tensor groups skip the views and
      // same-dtype conversions are skipped.
      boolean all = g.length() == x.size(0);
      Tensor xs = all ? x : x.narrow(0, g.start(), g.length()); // (groupTokens, in)
      Tensor ys = all ? y : y.narrow(0, g.start(), g.length()); // (groupTokens, out), a view of y
      if (isType(xs, w.lora_A()) && isType(ys, w.lora_A())) {
        w.addDeltaTo(xs, ys);
      } else {
        ys.add_(sameType(w.delta(sameType(xs, w.lora_A())), y));
      }
    }
  }

  private static boolean isType(Tensor t, Tensor like) {
    return t.scalar_type().value == like.scalar_type().value;
  }

  /** {@code t} converted to {@code like}'s dtype, or {@code t} itself when it already has it. */
  private static Tensor sameType(Tensor t, Tensor like) {
    return t.scalar_type().value == like.scalar_type().value ? t : t.to(like.scalar_type());
  }
}
