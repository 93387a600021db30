package org.orgllm.application.generation;

import org.orgllm.application.UseCaseException;

/** The prompt (plus the requested token budget) does not fit the model's context, or the content limit. */
public class PromptTooLargeException extends UseCaseException {

    private static final long serialVersionUID = 1L;

    public PromptTooLargeException(String message) {
        super(message);
    }
}
