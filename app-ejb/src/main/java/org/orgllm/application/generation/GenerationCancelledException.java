package org.orgllm.application.generation;

import org.orgllm.application.UseCaseException;

/** The caller cancelled the generation (or went away); it is recorded as cancelled. */
public class GenerationCancelledException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    public GenerationCancelledException(String message) {
        super(message);
    }
}
