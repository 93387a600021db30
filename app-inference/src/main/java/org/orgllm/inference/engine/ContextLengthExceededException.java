package org.orgllm.inference.engine;

/** Prompt plus {@code maxNewTokens} does not fit the model's context (or the engine's KV budget). */
public final class ContextLengthExceededException extends EngineException {

  private final int requested;
  private final int limit;

  /**
   * @param requested prompt tokens + max new tokens
   * @param limit what fits
   * @param what which limit ("the model's context", "the KV-cache budget")
   */
  public ContextLengthExceededException(int requested, int limit, String what) {
    super("prompt + max_new_tokens = " + requested + " tokens exceeds " + what + " of " + limit + " tokens");
    this.requested = requested;
    this.limit = limit;
  }

  /** Prompt tokens + max new tokens. */
  public int requested() {
    return requested;
  }

  /** The limit that was exceeded. */
  public int limit() {
    return limit;
  }
}
