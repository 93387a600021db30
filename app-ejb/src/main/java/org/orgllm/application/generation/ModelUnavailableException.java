package org.orgllm.application.generation;

/** No model can serve now: none configured, still loading, or failed to load. */
public class ModelUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelUnavailableException(String message) {
        super(message);
    }
}
