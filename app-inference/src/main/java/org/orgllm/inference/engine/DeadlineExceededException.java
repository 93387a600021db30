package org.orgllm.inference.engine;

/** The request's deadline passed while it waited or ran; what was generated until then is kept. */
public final class DeadlineExceededException extends EngineException {

  private final transient GenerationResult partial;

  /** @param partial the text and tokens generated before the deadline (finish reason CANCELLED) */
  public DeadlineExceededException(GenerationResult partial) {
    super("deadline exceeded after " + partial.timings().total().toMillis() + " ms and "
        + partial.usage().completionTokens() + " generated tokens");
    this.partial = partial;
  }

  /** What was generated before the deadline. */
  public GenerationResult partial() {
    return partial;
  }
}
