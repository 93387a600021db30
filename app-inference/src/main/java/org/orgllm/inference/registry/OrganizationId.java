package org.orgllm.inference.registry;

import java.util.regex.Pattern;

/**
 * A validated organization id: {@code [a-z0-9][a-z0-9-]{1,62}}. Only such ids ever become part of a
 * path, so {@code ..}, separators, absolute paths and odd characters never reach the file system.
 *
 * @param value the id, e.g. {@code techcorp}
 */
public record OrganizationId(String value) {

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  public OrganizationId {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new InvalidOrganizationException(value);
    }
  }

  /** Validates {@code value}; throws {@link InvalidOrganizationException} when it is not an id. */
  public static OrganizationId of(String value) {
    return new OrganizationId(value);
  }

  /** The adapter folder name, {@code org-<id>}. */
  String folderName() {
    return "org-" + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
