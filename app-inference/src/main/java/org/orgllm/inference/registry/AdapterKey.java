package org.orgllm.inference.registry;

import java.util.regex.Pattern;

/**
 * One version of one organization's adapter.
 *
 * @param organization the organization
 * @param version {@code v<N>}; {@code v0} for an unversioned folder
 */
public record AdapterKey(OrganizationId organization, String version) {

  private static final Pattern VERSION = Pattern.compile("v(0|[1-9][0-9]{0,8})");

  public AdapterKey {
    if (organization == null) {
      throw new IllegalArgumentException("organization is required");
    }
    checkVersion(version);
  }

  /** Throws IllegalArgumentException unless {@code version} is {@code v<N>}. */
  static String checkVersion(String version) {
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("invalid adapter version '" + version + "': expected v<N>");
    }
    return version;
  }

  /** The version number N of {@code vN}. */
  public int number() {
    return Integer.parseInt(version.substring(1));
  }

  /** {@code org@vN}, the label used in metrics. */
  @Override
  public String toString() {
    return organization.value() + "@" + version;
  }
}
