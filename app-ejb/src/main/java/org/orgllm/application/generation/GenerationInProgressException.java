package org.orgllm.application.generation;

import java.time.Duration;
import java.util.UUID;
import org.orgllm.application.UseCaseException;

/**
 * Another attempt with the same idempotency key is still running (a client or a Temporal retry that
 * did not wait for the first attempt). Retrying after {@link #retryAfter()} returns the first
 * attempt's result once it has succeeded, instead of running the model twice.
 */
public class GenerationInProgressException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    private final UUID generationId;
    private final Duration retryAfter;

    public GenerationInProgressException(String idempotencyKey, UUID generationId, Duration retryAfter) {
        super("a generation with idempotency key '" + idempotencyKey + "' is still running (" + generationId
                + "); retry later to get its result");
        this.generationId = generationId;
        this.retryAfter = retryAfter;
    }

    public UUID generationId() {
        return generationId;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
