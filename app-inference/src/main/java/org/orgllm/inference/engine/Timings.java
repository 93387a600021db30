package org.orgllm.inference.engine;

import java.time.Duration;

/**
 * Where one request's time went, all measured from {@code submit}.
 *
 * @param queue waiting before its first forward step
 * @param timeToFirstToken submit until the first generated token (ZERO if none)
 * @param meanInterToken mean gap between generated tokens (ZERO with fewer than two)
 * @param total submit until the result
 */
public record Timings(Duration queue, Duration timeToFirstToken, Duration meanInterToken, Duration total) {}
