package org.orgllm.application.generation;

/**
 * The result of a generation.
 *
 * @param finishReason {@code stop} (end of sequence, stop string, or the JSON value closed),
 *     {@code length} (token budget spent) or {@code cancelled}
 * @param renderedPrompt the exact prompt text the model saw
 */
public record Completion(String text, String finishReason, int promptTokens, int completionTokens, long queueMs,
                         long timeToFirstTokenMs, long totalMs, String baseModel, String adapterVersion,
                         String renderedPrompt) {}
