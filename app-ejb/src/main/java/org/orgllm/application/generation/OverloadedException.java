package org.orgllm.application.generation;

import org.orgllm.application.UseCaseException;

import java.time.Duration;

/** The engine's queue is full; the caller should retry after {@link #retryAfter()}. */
public class OverloadedException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public OverloadedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
