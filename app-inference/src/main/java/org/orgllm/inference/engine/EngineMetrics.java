package org.orgllm.inference.engine;

import java.util.Map;
import org.orgllm.inference.registry.AdapterCacheStats;

/**
 * A snapshot of the engine's state and totals.
 *
 * @param queueDepth requests waiting
 * @param runningRows sequences in the running batch
 * @param kvTokensReserved KV positions reserved by running sequences (prompt + max new tokens each)
 * @param kvCachesOpen KV caches holding memory now
 * @param steps forward steps run
 * @param rejected requests refused because the queue was full
 * @param tokensGenerated completion tokens over all adapters
 * @param perAdapter totals by label ({@code org@vN} or {@code base})
 * @param adapterCache the adapter cache's counters
 */
public record EngineMetrics(
    int queueDepth,
    int runningRows,
    long kvTokensReserved,
    int kvCachesOpen,
    long steps,
    long rejected,
    long tokensGenerated,
    Map<String, AdapterMetrics> perAdapter,
    AdapterCacheStats adapterCache) {}
