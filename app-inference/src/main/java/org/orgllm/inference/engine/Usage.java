package org.orgllm.inference.engine;

/**
 * Token counts of one request.
 *
 * @param promptTokens tokens of the prompt
 * @param completionTokens tokens generated, including a final end-of-sequence token
 */
public record Usage(int promptTokens, int completionTokens) {

  /** Prompt plus completion tokens. */
  public int totalTokens() {
    return promptTokens + completionTokens;
  }
}
