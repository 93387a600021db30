package org.orgllm.inference.engine;

import java.time.Duration;

/**
 * Totals for one adapter label since the engine started.
 *
 * @param requests requests that ended (normally or not)
 * @param failures of which failed
 * @param tokensGenerated completion tokens
 * @param meanTimeToFirstToken over requests that produced a token
 * @param meanInterToken over all token gaps
 * @param meanEndToEnd over requests that ended
 * @param cacheHits adapter cache hits
 * @param cacheMisses adapter cache misses
 * @param cacheEvictions adapter cache evictions
 */
public record AdapterMetrics(
    long requests,
    long failures,
    long tokensGenerated,
    Duration meanTimeToFirstToken,
    Duration meanInterToken,
    Duration meanEndToEnd,
    long cacheHits,
    long cacheMisses,
    long cacheEvictions) {}
