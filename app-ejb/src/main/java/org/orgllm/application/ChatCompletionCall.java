package org.orgllm.application;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.orgllm.application.generation.ChatMessage;
import org.orgllm.application.generation.CompletionRequest.Cancellation;
import org.orgllm.application.generation.SamplingOptions;

/**
 * One OpenAI-style generation: chat {@code messages} (rendered by the model's chat template) or a raw
 * {@code prompt}, never both.
 *
 * @param model {@code org-<id>} or the base model's name
 * @param jsonSchema a JSON Schema the output is held to while it is generated, or {@code null}
 * @param maxTokens the token budget, or {@code null} for {@link ChatCompletionService}'s default
 * @param requestJson the request as the client sent it, kept with the generation record
 * @param onStarted told the generation record's id once it is stored, before the model runs, or {@code null}
 * @param onDelta receives text deltas as they are produced, or {@code null}
 * @param cancellation polled while generating (e.g. the client went away), or {@code null}
 */
public record ChatCompletionCall(@NotBlank String model, List<ChatMessage> messages, String prompt,
                                 SamplingOptions sampling, String jsonSchema, Integer maxTokens, String requestJson,
                                 Consumer<UUID> onStarted, Consumer<String> onDelta, Cancellation cancellation) {

    public ChatCompletionCall {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** A call without listeners: the answer comes back whole. */
    public static ChatCompletionCall of(String model, List<ChatMessage> messages, String prompt,
            SamplingOptions sampling, String jsonSchema, Integer maxTokens, String requestJson) {
        return new ChatCompletionCall(model, messages, prompt, sampling, jsonSchema, maxTokens, requestJson, null, null,
                null);
    }

    /**
     * A copy that reports its generation's id to {@code started}, streams its deltas to {@code listener}
     * and stops when {@code cancel} says so.
     */
    public ChatCompletionCall streaming(Consumer<UUID> started, Consumer<String> listener, Cancellation cancel) {
        return new ChatCompletionCall(model, messages, prompt, sampling, jsonSchema, maxTokens, requestJson, started,
                listener, cancel);
    }
}
