package org.orgllm.inference.registry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.orgllm.inference.lora.LoraAdapter;

/**
 * Loaded adapters, least recently used first out, bounded by a count and by bytes. Entries are
 * reference counted: eviction removes an entry from the cache at once (so its memory is no longer
 * counted against the bound and new requests reload it), but its weights are freed only when the
 * last {@link AdapterLease} closes. Evictions prefer entries no request is using.
 *
 * <p>Thread-safe. A miss loads under the cache's lock: the inference thread is the one acquiring,
 * and adapters are small (tens of MB), so a second lock level is not worth its complexity.
 */
public final class AdapterCache {

  /** Receives cache events, e.g. to export metrics labelled by adapter. Called under the cache lock: be quick. */
  public interface Listener {
    /** An acquisition found the adapter in memory. */
    default void hit(AdapterKey key) {}

    /** An acquisition had to load the adapter. */
    default void miss(AdapterKey key) {}

    /** An adapter left the cache. */
    default void evicted(AdapterKey key, long bytes) {}
  }

  /** One loaded adapter and the number of open leases on it. Guarded by the cache's lock. */
  static final class Entry {
    private final AdapterCache owner;
    private final AdapterKey key;
    private final LoraAdapter adapter;
    private final long bytes;
    private int refs;
    private boolean evicted;

    Entry(AdapterCache owner, AdapterKey key, LoraAdapter adapter) {
      this.owner = owner;
      this.key = key;
      this.adapter = adapter;
      this.bytes = adapter.byteSize();
    }

    AdapterKey key() {
      return key;
    }

    LoraAdapter adapter() {
      return adapter;
    }

    void release() {
      owner.release(this);
    }
  }

  private final int maxEntries;
  private final long maxBytes;
  private final Listener listener;
  private final LinkedHashMap<AdapterKey, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private final List<Entry> retired = new ArrayList<>();
  private long bytes;
  private long hits;
  private long misses;
  private long evictions;

  /**
   * @param maxEntries at most this many adapters stay loaded ({@code MODEL_CACHE_SIZE}), {@code >= 1}
   * @param maxBytes and at most this many bytes of them ({@code Long.MAX_VALUE}: no byte bound)
   * @param listener receives hits, misses and evictions
   */
  public AdapterCache(int maxEntries, long maxBytes, Listener listener) {
    if (maxEntries < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("the adapter cache needs room for at least one adapter");
    }
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.listener = listener == null ? new Listener() {} : listener;
  }

  /**
   * A lease on {@code key}'s adapter, loading it with {@code loader} on a miss. A failed load caches
   * nothing, so the next request retries (e.g. after the files were fixed).
   */
  public synchronized AdapterLease acquire(AdapterKey key, Function<AdapterKey, LoraAdapter> loader) {
    Entry entry = entries.get(key);
    if (entry != null) {
      hits++;
      listener.hit(key);
    } else {
      misses++;
      listener.miss(key);
      entry = new Entry(this, key, loader.apply(key));
      entries.put(key, entry);
      bytes += entry.bytes;
      shrink(entry);
    }
    entry.refs++;
    return new AdapterLease(entry);
  }

  /** Evicts every cached entry whose key matches (e.g. all versions of an organization). */
  public synchronized int evict(Predicate<AdapterKey> which) {
    int count = 0;
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext()) {
      Entry e = it.next();
      if (which.test(e.key)) {
        it.remove();
        retire(e);
        count++;
      }
    }
    return count;
  }

  /** The counters now. */
  public synchronized AdapterCacheStats stats() {
    return new AdapterCacheStats(hits, misses, evictions, entries.size(), bytes, retired.size());
  }

  /** Evicts everything; adapters in use are freed when their leases close. */
  public void clear() {
    evict(k -> true);
  }

  /** Evicts least recently used entries, unused ones first, until both bounds hold (keeping {@code keep}). */
  private void shrink(Entry keep) {
    while (entries.size() > maxEntries || (bytes > maxBytes && entries.size() > 1)) {
      Entry victim = null;
      for (Entry e : entries.values()) {
        if (e != keep && e.refs == 0) {
          victim = e;
          break;
        }
      }
      if (victim == null) {
        for (Entry e : entries.values()) {
          if (e != keep) {
            victim = e;
            break;
          }
        }
      }
      if (victim == null) {
        return;
      }
      entries.remove(victim.key);
      retire(victim);
    }
  }

  private void retire(Entry e) {
    bytes -= e.bytes;
    evictions++;
    e.evicted = true;
    listener.evicted(e.key, e.bytes);
    if (e.refs == 0) {
      e.adapter.close();
    } else {
      retired.add(e);
    }
  }

  private synchronized void release(Entry e) {
    e.refs--;
    if (e.refs == 0 && e.evicted) {
      retired.remove(e);
      e.adapter.close();
    }
  }

  /** The bounds, for logs. */
  @Override
  public String toString() {
    return "AdapterCache[max " + maxEntries + " adapters, " + maxBytes + " bytes]";
  }

  /** Visible for the registry: the live map is never exposed. */
  synchronized Map<AdapterKey, Long> loaded() {
    Map<AdapterKey, Long> out = new LinkedHashMap<>();
    entries.forEach((k, v) -> out.put(k, v.bytes));
    return out;
  }
}
