package org.orgllm.application;

/**
 * The base of the application's business errors. Callers get them as they are (declared as
 * application exceptions in {@code WEB-INF/ejb-jar.xml}, subclasses included), and each inbound
 * adapter maps them to its own form: an HTTP status, a Temporal failure type, a faces message.
 */
public abstract class UseCaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected UseCaseException(String message) {
        super(message);
    }

    protected UseCaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
