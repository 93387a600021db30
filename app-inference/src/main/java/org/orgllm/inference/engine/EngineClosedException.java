package org.orgllm.inference.engine;

/** The engine was closed before (or while) the request ran. */
public final class EngineClosedException extends EngineException {

  /** A new instance. */
  public EngineClosedException() {
    super("the inference engine is closed");
  }
}
