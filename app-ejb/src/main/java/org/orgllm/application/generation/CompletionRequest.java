package org.orgllm.application.generation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.orgllm.domain.model.organization.OrganizationId;

/**
 * One generation for an organization: either chat {@code messages} (rendered by the model's chat
 * template) or a raw {@code prompt}; optionally held to a JSON schema.
 *
 * @param jsonSchema a JSON Schema the output must validate against, or {@code null} for free text
 * @param onDelta receives text deltas as they are produced (never a split character), or {@code null}
 * @param cancellation polled between tokens; generation stops when it reports cancelled
 * @param deadline the longest the whole generation may take (queue included), or {@code null}
 * @param plainBaseModel run the base model without the organization's adapter (the organization is
 *     still who the generation is for and recorded against)
 */
public record CompletionRequest(OrganizationId organization, List<ChatMessage> messages, String prompt,
                                SamplingOptions sampling, String jsonSchema, int maxTokens,
                                Consumer<String> onDelta, Cancellation cancellation, Duration deadline,
                                boolean plainBaseModel) {

    /** A generation with the organization's adapter (the plain base model while it has none). */
    public CompletionRequest(OrganizationId organization, List<ChatMessage> messages, String prompt,
            SamplingOptions sampling, String jsonSchema, int maxTokens, Consumer<String> onDelta,
            Cancellation cancellation, Duration deadline) {
        this(organization, messages, prompt, sampling, jsonSchema, maxTokens, onDelta, cancellation, deadline, false);
    }

    public CompletionRequest {
        Objects.requireNonNull(organization, "organization");
        if ((messages == null || messages.isEmpty()) == (prompt == null)) {
            throw new IllegalArgumentException("give either messages or a prompt");
        }
        messages = messages == null ? List.of() : List.copyOf(messages);
        sampling = sampling == null ? SamplingOptions.balanced() : sampling;
        cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be at least 1");
        }
    }

    /** Polled by the engine between tokens. */
    @FunctionalInterface
    public interface Cancellation {
        Cancellation NEVER = () -> false;

        boolean isCancelled();
    }
}
