package org.orgllm.interfaces.openai;

import java.util.List;

/**
 * One server-sent event of a streamed chat completion ({@code object: "chat.completion.chunk"}): the
 * first carries the role, then the content deltas, then one with the {@code finish_reason}, and — when
 * the client asked for it — a last one with no choices and the usage.
 */
public record ChatCompletionChunk(String id, String object, long created, String model, List<Choice> choices,
                                  Usage usage) {

    /** The delta of choice {@code index}; {@code finish_reason} is {@code null} until the last one. */
    public record Choice(int index, Delta delta, Object logprobs, String finishReason) {}

    /** What the choice gained: the role (first chunk only) or a piece of content. */
    public record Delta(String role, String content) {}

    private static final String OBJECT = "chat.completion.chunk";

    static ChatCompletionChunk role(String id, long created, String model) {
        return new ChatCompletionChunk(id, OBJECT, created, model,
                List.of(new Choice(0, new Delta("assistant", ""), null, null)), null);
    }

    static ChatCompletionChunk content(String id, long created, String model, String text) {
        return new ChatCompletionChunk(id, OBJECT, created, model, List.of(new Choice(0, new Delta(null, text), null, null)),
                null);
    }

    static ChatCompletionChunk finish(String id, long created, String model, String finishReason) {
        return new ChatCompletionChunk(id, OBJECT, created, model,
                List.of(new Choice(0, new Delta(null, null), null, finishReason)), null);
    }

    static ChatCompletionChunk usage(String id, long created, String model, Usage usage) {
        return new ChatCompletionChunk(id, OBJECT, created, model, List.of(), usage);
    }
}
