package org.orgllm.inference.template.jinja;

/**
 * A markupsafe {@code Markup} string: text already HTML-safe, as produced by the {@code safe} and
 * {@code escape} filters. It prints as its text, but concatenating or formatting plain strings into
 * it escapes them ({@code "<b>"|safe + "<i>"} is {@code <b>&lt;i&gt;}), which some real chat
 * templates rely on unknowingly.
 */
record Markup(String text) {

  /** markupsafe's {@code escape}: Markup stays as is, anything else is stringified and escaped. */
  static Markup escape(Object value) {
    return value instanceof Markup m ? m : new Markup(Filters.escape(Py.str(value)));
  }

  /** Wraps string results of an operation on Markup, as markupsafe's wrappers do. */
  static Object wrap(Object result) {
    return result instanceof String s ? new Markup(s) : result;
  }

  @Override
  public String toString() {
    return text;
  }
}
