package org.orgllm.application.usecases;

import java.util.UUID;

/**
 * The typed answer of a use case, with the id of its generation record and how it was produced.
 *
 * @param replayed true when an idempotent retry returned a stored result without generating again
 */
public record UseCaseResult<R>(UUID generationId, R result, String finishReason, int promptTokens,
                               int completionTokens, long queueMs, long timeToFirstTokenMs, long totalMs,
                               boolean replayed) {}
