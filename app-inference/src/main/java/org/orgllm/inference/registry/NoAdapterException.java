package org.orgllm.inference.registry;

/** No adapter (or not the requested version) exists for an organization. */
public final class NoAdapterException extends RuntimeException {

  private final String organization;

  /**
   * @param organization the organization id
   * @param detail what is missing
   */
  public NoAdapterException(String organization, String detail) {
    super("no model for organization " + organization + ": " + detail);
    this.organization = organization;
  }

  /** The organization that has no adapter. */
  public String organization() {
    return organization;
  }
}
