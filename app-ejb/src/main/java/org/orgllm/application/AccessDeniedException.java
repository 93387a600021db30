package org.orgllm.application;

/** The caller is known but lacks the role the operation needs. */
public class AccessDeniedException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
