package org.orgllm.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Free-form generations for OpenAI-style clients: the caller names a model ({@code org-<id>} for an
 * organization's adapter, or the base model's name for the plain base model) and sends chat messages
 * or a raw prompt. Each call goes through the same gateway as the use cases and is recorded as a
 * generation (channel {@code openai}).
 *
 * <p>Who may use what: an API key reaches its own organization's model and the plain base model; a
 * person reaches the models of the organizations they belong to (an ADMIN all of them), and the plain
 * base model only when that is exactly one organization, because every generation is recorded against
 * an organization. Any other name is an {@link UnknownModelException}, as if it did not exist.
 */
public interface ChatCompletionService {

    /** Use case names the generations of this service are recorded under. */
    String CHAT = "chat";
    String COMPLETION = "completion";

    /** The models the caller may name, organizations' first, then the base model when the caller may use it. */
    List<ServedModel> models();

    /**
     * Runs one generation to its end (blocking the caller, not the engine), streaming deltas to the
     * call's listener when it has one.
     *
     * @throws UnknownModelException the model does not exist or the caller may not use it
     * @throws IllegalArgumentException the call is invalid (e.g. an unsupported JSON schema keyword)
     * @throws org.orgllm.application.generation.OverloadedException the queue is full
     * @throws org.orgllm.application.generation.GenerationCancelledException the caller cancelled
     */
    ChatCompletionResult complete(@NotNull @Valid ChatCompletionCall call);
}
