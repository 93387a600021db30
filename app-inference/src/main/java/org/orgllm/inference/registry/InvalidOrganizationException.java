package org.orgllm.inference.registry;

/** A string that is not a valid organization id (and must never become part of a path). */
public final class InvalidOrganizationException extends IllegalArgumentException {

  private static final int SHOWN = 80;

  /** @param value the rejected input (shown truncated and quoted) */
  public InvalidOrganizationException(String value) {
    super("invalid organization id " + quote(value) + ": expected [a-z0-9][a-z0-9-]{1,62}");
  }

  private static String quote(String value) {
    if (value == null) {
      return "null";
    }
    String shown = value.length() > SHOWN ? value.substring(0, SHOWN) + "..." : value;
    return "'" + shown + "'";
  }
}
