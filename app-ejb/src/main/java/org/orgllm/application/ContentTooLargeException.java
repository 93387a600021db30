package org.orgllm.application;

/** A request or document larger than the service accepts (HTTP 413). */
public class ContentTooLargeException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    public ContentTooLargeException(String message) {
        super(message);
    }
}
