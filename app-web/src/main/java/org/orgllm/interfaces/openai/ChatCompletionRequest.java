package org.orgllm.interfaces.openai;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * The body of {@code POST /v1/chat/completions}, as far as this server honours it. Parameters that
 * may take several shapes on the wire ({@code content}, {@code stop}) stay JSON values here and are
 * checked by {@link OpenAiRequests}.
 */
public record ChatCompletionRequest(String model, List<Message> messages, Double temperature, Double topP,
                                    Integer maxTokens, Integer maxCompletionTokens, JsonValue stop, Long seed,
                                    Double frequencyPenalty, Double presencePenalty, Integer n, String user,
                                    ResponseFormat responseFormat, Boolean stream, StreamOptions streamOptions) {

    /** One turn: {@code content} is a string or an array of {@code {"type": "text", "text": ...}} parts. */
    public record Message(String role, JsonValue content) {}

    /** {@code text}, {@code json_object}, or {@code json_schema} with its {@link JsonSchema}. */
    public record ResponseFormat(String type, JsonSchema jsonSchema) {}

    /** A named JSON schema the answer must validate against; it always does ({@code strict} or not). */
    public record JsonSchema(String name, String description, JsonObject schema, Boolean strict) {}

    /** Whether the stream ends with a usage chunk. */
    public record StreamOptions(Boolean includeUsage) {}

    public boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    public boolean includeUsage() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }
}
