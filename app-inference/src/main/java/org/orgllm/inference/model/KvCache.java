package org.orgllm.inference.model;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorArrayRef;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.orgllm.inference.torch.Tensors;

/**
 * The keys and values one sequence has produced so far, per layer, after RoPE.
 *
 * <p>Not thread-safe; a cache belongs to one sequence and is advanced only by {@link
 * DecoderModel#forward}. Appends concatenate (simple and fine for short contexts; a preallocated
 * buffer is the obvious later optimisation).
 */
public final class KvCache implements AutoCloseable {

  private final Tensor[] keys; // per layer: (1, kvHeads, length, headDim)
  private final Tensor[] values; // per layer: (1, kvHeads, length, headDim)
  private int length;

  /** An empty cache for a model with {@code layers} decoder layers. */
  public KvCache(int layers) {
    this.keys = new Tensor[layers];
    this.values = new Tensor[layers];
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
   * Appends this step's keys and values of one layer and returns the full ones.
   *
   * @param k (1, kvHeads, new, headDim)
   * @param v (1, kvHeads, new, headDim)
   * @return {keys, values}, each (1, kvHeads, length + new, headDim); owned by the cache
   */
  Tensor[] append(int layer, Tensor k, Tensor v) {
    Tensor oldK = keys[layer];
    Tensor oldV = values[layer];
    keys[layer] = oldK == null ? k.clone() : torch.cat(new TensorArrayRef(new TensorVector(oldK, k)), 2);
    values[layer] = oldV == null ? v.clone() : torch.cat(new TensorArrayRef(new TensorVector(oldV, v)), 2);
    Tensors.keep(keys[layer]);
    Tensors.keep(values[layer]);
    if (oldK != null) {
      oldK.close();
      oldV.close();
    }
    return new Tensor[] {keys[layer], values[layer]};
  }

  /** Called once per forward, after every layer appended {@code count} positions. */
  void advance(int count) {
    length += count;
  }

  /**
   * Drops whatever a failed forward appended to some layers but did not {@link #advance}, so the
   * cache is consistent again.
   */
  void rollback() {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null && keys[i].size(2) > length) {
        Tensor k = length == 0 ? null : Tensors.keep(keys[i].narrow(2, 0, length).clone());
        Tensor v = length == 0 ? null : Tensors.keep(values[i].narrow(2, 0, length).clone());
        keys[i].close();
        values[i].close();
        keys[i] = k;
        values[i] = v;
      }
    }
  }

  /** Frees the cached tensors; the cache is empty afterwards. */
  @Override
  public void close() {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        keys[i].close();
        values[i].close();
        keys[i] = null;
        values[i] = null;
      }
    }
    length = 0;
  }
}
