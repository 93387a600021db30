package org.orgllm.application;

/** A username that is already taken. */
public class DuplicateUserException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    public DuplicateUserException(String username) {
        super("user '" + username + "' exists already");
    }
}
