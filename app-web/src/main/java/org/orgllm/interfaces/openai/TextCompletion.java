package org.orgllm.interfaces.openai;

import java.util.List;

/**
 * The answer of a text completion ({@code object: "text_completion"}); streamed, each event is one of
 * these with a piece of text, the last with the {@code finish_reason}, then an optional usage event.
 */
public record TextCompletion(String id, String object, long created, String model, List<Choice> choices,
                             Usage usage) {

    /** The one choice this server makes ({@code n} is always 1). */
    public record Choice(String text, int index, Object logprobs, String finishReason) {}

    static TextCompletion of(String id, long created, String model, String text, String finishReason, Usage usage) {
        return new TextCompletion(id, "text_completion", created, model,
                List.of(new Choice(text, 0, null, finishReason)), usage);
    }

    static TextCompletion usageOnly(String id, long created, String model, Usage usage) {
        return new TextCompletion(id, "text_completion", created, model, List.of(), usage);
    }
}
