package org.orgllm.inference.registry;

import org.orgllm.inference.lora.LoraAdapter;

/**
 * A running request's hold on a loaded adapter. While any lease is open the adapter's weights stay
 * valid, even if the cache has evicted it (a newer version was activated, or the LRU bound was hit).
 * Closing is idempotent; the last close of an evicted adapter frees it.
 */
public final class AdapterLease implements AutoCloseable {

  private final AdapterCache.Entry entry;
  private boolean closed;

  AdapterLease(AdapterCache.Entry entry) {
    this.entry = entry;
  }

  /** Which organization and version this is. */
  public AdapterKey key() {
    return entry.key();
  }

  /** The adapter to put in forward rows; valid until {@link #close()}. */
  public LoraAdapter adapter() {
    if (closed) {
      throw new IllegalStateException("lease of " + entry.key() + " already closed");
    }
    return entry.adapter();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    entry.release();
  }
}
