package org.orgllm.inference.registry;

/**
 * Counters of an {@link AdapterCache} at one moment.
 *
 * @param hits acquisitions served from memory
 * @param misses acquisitions that loaded the adapter from disk (successfully or not)
 * @param evictions entries removed to respect the bounds, by {@code evict} or by a new activation
 * @param entries adapters in the cache now
 * @param bytes bytes of the adapters in the cache now
 * @param retiredInUse evicted adapters still held by running requests (freed when they finish)
 */
public record AdapterCacheStats(long hits, long misses, long evictions, int entries, long bytes, int retiredInUse) {}
