package org.orgllm.application;

import java.util.UUID;

/**
 * The outcome of a {@link ChatCompletionCall}.
 *
 * @param generationId the generation record of the call
 * @param model the model name the call asked for
 * @param finishReason {@code stop} (end of sequence, a stop string, or the JSON value closed) or
 *     {@code length} (token budget spent)
 */
public record ChatCompletionResult(UUID generationId, String model, String text, String finishReason,
                                   int promptTokens, int completionTokens, long queueMs, long timeToFirstTokenMs,
                                   long totalMs) {

    public int totalTokens() {
        return promptTokens + completionTokens;
    }
}
