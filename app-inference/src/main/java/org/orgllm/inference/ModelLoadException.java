package org.orgllm.inference;

import java.nio.file.Path;

/**
 * A model, adapter or tokenizer folder could not be loaded. The message always names the file and
 * what is wrong with it, so an operator can fix the folder without reading a stack trace.
 */
public class ModelLoadException extends RuntimeException {

  public ModelLoadException(String message) {
    super(message);
  }

  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A problem with {@code file}: the message is prefixed with the file's path. */
  public static ModelLoadException of(Path file, String problem) {
    return new ModelLoadException(file + ": " + problem);
  }

  /** A problem with {@code file} caused by {@code cause}. */
  public static ModelLoadException of(Path file, String problem, Throwable cause) {
    return new ModelLoadException(file + ": " + problem, cause);
  }
}
