package org.orgllm.application.generation;

import org.orgllm.application.UseCaseException;

/** The model ran but its output could not be used (e.g. it did not parse); the generation is recorded as failed. */
public class GenerationFailedException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    public GenerationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
