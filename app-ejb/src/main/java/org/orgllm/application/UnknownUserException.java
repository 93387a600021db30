package org.orgllm.application;

/** A username that does not exist. */
public class UnknownUserException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    public UnknownUserException(String username) {
        super("unknown user '" + username + "'");
    }
}
