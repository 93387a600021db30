package org.orgllm.inference.template.jinja;

/**
 * A template could not be compiled or rendered.
 *
 * <p>{@link #kind()} tells a broken template ({@link Kind#SYNTAX}) from a failure while rendering
 * ({@link Kind#RUNTIME}, e.g. an undefined value used in arithmetic) and from an error the template
 * raised on purpose through a {@code raise_exception(...)} global ({@link Kind#RAISED}, e.g.
 * "Conversation roles must alternate user/assistant/..."), which callers usually report to the
 * client as a bad request. {@link #line()} is the 1-based template line, or 0 when unknown.
 */
public final class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The template source is not valid Jinja. */
    SYNTAX,
    /** Rendering failed (undefined values, type errors, ...). */
    RUNTIME,
    /** The template called {@code raise_exception(message)}. */
    RAISED
  }

  private final Kind kind;
  private final String detail;
  private int line;

  public TemplateException(Kind kind, String detail) {
    this(kind, detail, 0);
  }

  public TemplateException(Kind kind, String detail, int line) {
    super(detail);
    this.kind = kind;
    this.detail = detail;
    this.line = line;
  }

  /** Shorthand for a {@link Kind#RUNTIME} error. */
  static TemplateException runtime(String detail) {
    return new TemplateException(Kind.RUNTIME, detail);
  }

  public Kind kind() {
    return kind;
  }

  /** The message without the location suffix (for {@link Kind#RAISED}: exactly the template's text). */
  public String detail() {
    return detail;
  }

  /** The 1-based template line the error occurred on, 0 if unknown. */
  public int line() {
    return line;
  }

  /** Records the line of the innermost statement that failed; outer statements keep it. */
  TemplateException atLine(int line) {
    if (this.line == 0) {
      this.line = line;
    }
    return this;
  }

  @Override
  public String getMessage() {
    return line > 0 ? detail + " (line " + line + ")" : detail;
  }
}
