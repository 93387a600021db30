package org.orgllm.interfaces.openai;

import java.util.List;

/** The answer of a chat completion that is not streamed ({@code object: "chat.completion"}). */
public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices,
                             Usage usage) {

    /** The one choice this server makes ({@code n} is always 1). */
    public record Choice(int index, Message message, Object logprobs, String finishReason) {}

    /** The assistant's answer; {@code refusal} is always {@code null} (the model does not refuse by protocol). */
    public record Message(String role, String content, String refusal) {}

    static ChatCompletion of(String id, long created, String model, String text, String finishReason, Usage usage) {
        return new ChatCompletion(id, "chat.completion", created, model,
                List.of(new Choice(0, new Message("assistant", text, null), null, finishReason)), usage);
    }
}
