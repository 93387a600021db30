package org.orgllm.application;

/** No such generation, or one of an organization the caller may not reach. */
public class UnknownGenerationException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    public UnknownGenerationException(String id) {
        super("unknown generation '" + id + "'");
    }
}
