package org.orgllm.interfaces.openai;

import jakarta.json.JsonValue;

/**
 * The body of {@code POST /v1/completions} (the legacy text completion), as far as this server
 * honours it: a {@code prompt} string continued by the plain model, no chat template.
 */
public record TextCompletionRequest(String model, JsonValue prompt, Double temperature, Double topP, Integer maxTokens,
                                    JsonValue stop, Long seed, Double frequencyPenalty, Double presencePenalty,
                                    Integer n, String user, Boolean stream,
                                    ChatCompletionRequest.StreamOptions streamOptions) {

    public boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    public boolean includeUsage() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }
}
