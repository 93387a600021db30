package org.orgllm.interfaces.openai;

import org.orgllm.application.ChatCompletionResult;

/** Token counts of a call. */
public record Usage(int promptTokens, int completionTokens, int totalTokens) {

    static Usage of(ChatCompletionResult result) {
        return new Usage(result.promptTokens(), result.completionTokens(), result.totalTokens());
    }
}
