package org.orgllm.inference.engine;

/** Base of the engine's typed failures, so a caller can map them (e.g. to HTTP statuses) in one place. */
public class EngineException extends RuntimeException {

  /** @param message what went wrong */
  public EngineException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
