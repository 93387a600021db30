package org.orgllm.inference.model;

import java.lang.foreign.MemorySegment;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.orgllm.inference.torch.DecodeKernels;
import org.orgllm.inference.torch.Tensors;

/**
 * The keys and values one sequence has produced so far, per layer, after RoPE.
 *
 * <p>Each layer owns a buffer whose capacity doubles when full, so appending a token copies only that
 * token (amortised O(1)) instead of the whole history. Only the first {@link #length()} positions are
 * meaningful; a failed forward leaves garbage beyond them, which the next append overwrites.
 *
 * <p>Not thread-safe; a cache belongs to one sequence and is advanced only by {@link
 * DecoderModel#forward}.
 */
public final class KvCache implements AutoCloseable {

  private static final int MIN_CAPACITY = 16;

  private final Tensor[] keys; // per layer: (1, kvHeads, capacity, headDim)
  private final Tensor[] values; // per layer: (1, kvHeads, capacity, headDim)
  private final MemorySegment[] keyMemory; // per layer: keys' memory for the fused decode, or null
  private final MemorySegment[] valueMemory; // per layer: values' memory for the fused decode, or null
  private final long[] capacity; // per layer: positions the buffers hold
  private final boolean[] notFloat; // per layer: buffers in another dtype than fp32 (read once per growth)
  private int length;

  /** An empty cache for a model with {@code layers} decoder layers. */
  public KvCache(int layers) {
    this.keys = new Tensor[layers];
    this.values = new Tensor[layers];
    this.keyMemory = new MemorySegment[layers];
    this.valueMemory = new MemorySegment[layers];
    this.capacity = new long[layers];
    this.notFloat = new boolean[layers];
  }

  /** An empty cache sized for {@code model}. */
  public static KvCache of(DecoderModel model) {
    return new KvCache(model.config().numHiddenLayers());
  }

  /** Tokens already cached (the position of the next token). */
  public int length() {
    return length;
  }

  /**
   * Writes this step's keys and values of one layer after the cached ones and returns all of them.
   *
   * @param k (1, kvHeads, new, headDim)
   * @param v (1, kvHeads, new, headDim)
   * @return {keys, values}, each (1, kvHeads, length + new, headDim): views of the cache's buffers
   */
  Tensor[] append(int layer, Tensor k, Tensor v) {
    long n = k.size(2);
    long needed = length + n;
    ensure(layer, needed, k, v);
    keys[layer].narrow(2, length, n).copy_(k);
    values[layer].narrow(2, length, n).copy_(v);
    return new Tensor[] {keys[layer].narrow(2, 0, needed), values[layer].narrow(2, 0, needed)};
  }

  /**
   * Makes layer {@code layer}'s buffers hold at least {@code needed} positions (fp32, CPU) and returns
   * their memory, {keys, values}, each laid out as (kvHeads, capacity, headDim): for the fused decode
   * step, which writes and reads them without libtorch calls.
   */
  MemorySegment[] reserve(int layer, long needed, long kvHeads, long headDim) {
    if (keys[layer] == null) {
      Tensor like = torch.empty(new long[] {1, kvHeads, 0, headDim}, new TensorOptions(ScalarType.Float),
          new MemoryFormatOptional()); // (1, kvHeads, 0, headDim)
      ensure(layer, needed, like, like);
    } else {
      ensure(layer, needed, keys[layer], values[layer]);
    }
    if (keyMemory[layer] == null) {
      keyMemory[layer] = DecodeKernels.segment(keys[layer]);
      valueMemory[layer] = DecodeKernels.segment(values[layer]);
    }
    return new MemorySegment[] {keyMemory[layer], valueMemory[layer]};
  }

  /** Positions layer {@code layer}'s buffers hold (0 before the first append). */
  long capacity(int layer) {
    return capacity[layer];
  }

  /** Whether layer {@code layer}'s buffers are fp32 (or not allocated yet). */
  boolean isFloat(int layer) {
    return !notFloat[layer];
  }

  private void ensure(int layer, long needed, Tensor likeK, Tensor likeV) {
    if (keys[layer] == null || capacity[layer] < needed) {
      long grown = Math.max(needed, Math.max(MIN_CAPACITY, 2 * capacity[layer]));
      keys[layer] = grow(keys[layer], likeK, grown);
      values[layer] = grow(values[layer], likeV, grown);
      capacity[layer] = grown;
      notFloat[layer] = !Tensors.isType(keys[layer], ScalarType.Float);
      keyMemory[layer] = null;
      valueMemory[layer] = null;
    }
  }

  /** A buffer of {@code capacity} positions holding the first {@code length} of {@code old}. */
  private Tensor grow(Tensor old, Tensor like, long capacity) {
    Tensor buffer = Tensors.keep(like.new_empty(like.size(0), like.size(1), capacity, like.size(3))); // (1, kvHeads, capacity, headDim)
    if (old != null) {
      if (length > 0) {
        buffer.narrow(2, 0, length).copy_(old.narrow(2, 0, length));
      }
      old.close();
    }
    return buffer;
  }

  /** Called once per forward, after every layer appended {@code count} positions. */
  void advance(int count) {
    length += count;
  }

  /** Frees the buffers; the cache is empty afterwards. */
  @Override
  public void close() {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        keys[i].close();
        values[i].close();
        keys[i] = null;
        values[i] = null;
        keyMemory[i] = null;
        valueMemory[i] = null;
        capacity[i] = 0;
        notFloat[i] = false;
      }
    }
    length = 0;
  }
}
