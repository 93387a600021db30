package org.orgllm.inference.registry;

/**
 * An organization's adapter exists but cannot be used: corrupt files, or made for another base model
 * (shapes or, when the strict check is on, {@code base_model_name_or_path}). Only that
 * organization's requests fail; the others keep being served.
 */
public final class AdapterLoadException extends RuntimeException {

  private final AdapterKey key;

  /**
   * @param key the adapter that failed
   * @param message what is wrong (names the file)
   * @param cause the underlying failure, or null
   */
  public AdapterLoadException(AdapterKey key, String message, Throwable cause) {
    super("adapter " + key + " cannot be used: " + message, cause);
    this.key = key;
  }

  /** The adapter that failed. */
  public AdapterKey key() {
    return key;
  }
}
