package org.orgllm.interfaces.openai;

import java.util.List;
import java.util.UUID;
import org.orgllm.application.ChatCompletionResult;

/**
 * How an endpoint shapes its answer, whole or streamed: the chat completion objects or the text
 * completion ones. The answer's {@code id} carries the generation record's id.
 */
enum AnswerFormat {

    CHAT("chatcmpl-") {
        @Override
        Object whole(String id, long created, ChatCompletionResult r) {
            return ChatCompletion.of(id, created, r.model(), r.text(), finishReason(r), Usage.of(r));
        }

        @Override
        List<Object> opening(String id, long created, String model) {
            return List.of(ChatCompletionChunk.role(id, created, model));
        }

        @Override
        Object delta(String id, long created, String model, String text) {
            return ChatCompletionChunk.content(id, created, model, text);
        }

        @Override
        Object finish(String id, long created, String model, String finishReason) {
            return ChatCompletionChunk.finish(id, created, model, finishReason);
        }

        @Override
        Object usage(String id, long created, String model, Usage usage) {
            return ChatCompletionChunk.usage(id, created, model, usage);
        }
    },

    TEXT("cmpl-") {
        @Override
        Object whole(String id, long created, ChatCompletionResult r) {
            return TextCompletion.of(id, created, r.model(), r.text(), finishReason(r), Usage.of(r));
        }

        @Override
        List<Object> opening(String id, long created, String model) {
            return List.of();
        }

        @Override
        Object delta(String id, long created, String model, String text) {
            return TextCompletion.of(id, created, model, text, null, null);
        }

        @Override
        Object finish(String id, long created, String model, String finishReason) {
            return TextCompletion.of(id, created, model, "", finishReason, null);
        }

        @Override
        Object usage(String id, long created, String model, Usage usage) {
            return TextCompletion.usageOnly(id, created, model, usage);
        }
    };

    private final String idPrefix;

    AnswerFormat(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    String id(UUID generationId) {
        return idPrefix + generationId;
    }

    /** The answer in one piece. */
    abstract Object whole(String id, long created, ChatCompletionResult result);

    /** The events a stream opens with, before the first piece of text. */
    abstract List<Object> opening(String id, long created, String model);

    abstract Object delta(String id, long created, String model, String text);

    abstract Object finish(String id, long created, String model, String finishReason);

    abstract Object usage(String id, long created, String model, Usage usage);

    /** OpenAI's two reasons: the budget ran out ({@code length}) or the model was done ({@code stop}). */
    static String finishReason(ChatCompletionResult result) {
        return "length".equals(result.finishReason()) ? "length" : "stop";
    }
}
