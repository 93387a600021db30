package org.orgllm.application.generation;

import org.orgllm.application.UseCaseException;

/** No model can serve now: none configured, still loading, or failed to load. */
public class ModelUnavailableException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    public ModelUnavailableException(String message) {
        super(message);
    }
}
