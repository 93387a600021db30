package org.orgllm.application.generation;

/**
 * The door to the model for the use cases. Implemented by the LLM gateway, which maps an
 * organization to its adapter, enforces limits and turns engine errors into the exceptions below.
 */
public interface LanguageModel {

    /**
     * Runs a generation to its end (blocking the caller, not the engine).
     *
     * @throws ModelUnavailableException no model is loaded (yet)
     * @throws OverloadedException the queue is full; retry after the given delay
     * @throws PromptTooLargeException prompt plus token budget exceed the model's context
     */
    Completion complete(CompletionRequest request);

    /** The base model's name, for records and listings. */
    String baseModelName();
}
