package org.orgllm.inference.template.jinja;

/**
 * Jinja2's default {@code Undefined}: what a missing variable, attribute or key evaluates to. It
 * prints as the empty string, is falsy, iterates as empty and has length 0; anything else (attribute
 * or item access, arithmetic, calls, ordering comparisons) fails with the reason it is undefined.
 */
final class Undefined {

  private final String hint;
  private final Object owner;
  private final Object name;
  private final boolean hasOwner;

  private Undefined(String hint, Object owner, boolean hasOwner, Object name) {
    this.hint = hint;
    this.owner = owner;
    this.hasOwner = hasOwner;
    this.name = name;
  }

  /** A missing variable. */
  static Undefined variable(String name) {
    return new Undefined(null, null, false, name);
  }

  /** A missing attribute or item {@code name} of {@code owner}. */
  static Undefined member(Object owner, Object name) {
    return new Undefined(null, owner, true, name);
  }

  /** An undefined value with an explicit explanation. */
  static Undefined withHint(String hint) {
    return new Undefined(hint, null, false, null);
  }

  /** Jinja's {@code _undefined_message}. */
  String message() {
    if (hint != null) {
      return hint;
    }
    if (!hasOwner) {
      return Py.repr(name) + " is undefined";
    }
    String ownerType = owner == null ? "None" : Py.typeName(owner) + " object";
    if (!(name instanceof String)) {
      return ownerType + " has no element " + Py.repr(name);
    }
    return "'" + ownerType + "' has no attribute " + Py.repr(name);
  }

  /** The error raised when the undefined value is actually used. */
  TemplateException error() {
    return TemplateException.runtime(message());
  }

  @Override
  public String toString() {
    return "";
  }
}
