package org.orgllm.application.generation;

/** The prompt (plus the requested token budget) does not fit the model's context, or the content limit. */
public class PromptTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PromptTooLargeException(String message) {
        super(message);
    }
}
