package org.orgllm.inference.lora;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.orgllm.inference.torch.Tensors;

/**
 * Which packed token rows of a forward pass use which adapter.
 *
 * <p>Built once per forward and shared by every projection: each projection runs ONE base matmul for
 * all tokens, then for each adapter gathers its tokens ({@code index_select}), applies A then B and
 * scatters the result back ({@code index_add_}). When one adapter covers every token the gather is
 * skipped. Rows without an adapter simply get no delta.
 */
public final class LoraBatch {

  /** Tokens {@code index} (null = all tokens) use {@code adapter}. */
  public record Group(LoraAdapter adapter, Tensor index) {}

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
   * Groups tokens by adapter.
   *
   * @param adapterPerToken the adapter of each packed token (null entries: base model only)
   * @param device where the index tensors must live
   */
  public static LoraBatch of(List<LoraAdapter> adapterPerToken, Device device) {
    Map<LoraAdapter, List<Long>> byAdapter = new LinkedHashMap<>();
    for (int i = 0; i < adapterPerToken.size(); i++) {
      LoraAdapter a = adapterPerToken.get(i);
      if (a != null) {
        byAdapter.computeIfAbsent(a, k -> new ArrayList<>()).add((long) i);
      }
    }
    if (byAdapter.isEmpty()) {
      return NONE;
    }
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<LoraAdapter, List<Long>> e : byAdapter.entrySet()) {
      if (e.getValue().size() == adapterPerToken.size()) {
        groups.add(new Group(e.getKey(), null));
      } else {
        long[] idx = e.getValue().stream().mapToLong(Long::longValue).toArray();
        groups.add(new Group(e.getKey(), Tensors.longs(idx).to(device, ScalarType.Long)));
      }
    }
    return new LoraBatch(List.copyOf(groups));
  }

  /** The groups, one per distinct adapter. */
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
      // Every call costs a JNI crossing and a dispatch (~20 us measured), so same-dtype conversions are skipped.
      if (g.index() == null) {
        y.add_(sameType(w.delta(sameType(x, w.lora_A())), y));
      } else {
        Tensor xs = sameType(x.index_select(0, g.index()), w.lora_A()); // (groupTokens, in)
        y.index_add_(0, g.index(), sameType(w.delta(xs), y));
      }
    }
  }

  /** {@code t} converted to {@code like}'s dtype, or {@code t} itself when it already has it. */
  private static Tensor sameType(Tensor t, Tensor like) {
    return t.scalar_type().value == like.scalar_type().value ? t : t.to(like.scalar_type());
  }
}
