package org.orgllm.inference.template.jinja;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiles templates with fixed lexer options and globals, like a Jinja2 {@code Environment}.
 * The {@code break}/{@code continue} loop controls are always available, as is Hugging Face's
 * {@code {% generation %}} block. Immutable and thread-safe.
 */
public final class Environment {

  private final boolean trimBlocks;
  private final boolean lstripBlocks;
  private final boolean keepTrailingNewline;
  private final Map<String, Object> globals;

  private Environment(Builder builder) {
    this.trimBlocks = builder.trimBlocks;
    this.lstripBlocks = builder.lstripBlocks;
    this.keepTrailingNewline = builder.keepTrailingNewline;
    Map<String, Object> all = Builtins.globals();
    all.putAll(builder.globals);
    // Not Map.copyOf: a global may be None (null).
    this.globals = java.util.Collections.unmodifiableMap(all);
  }

  /** A builder with Jinja2's defaults: no trim_blocks, no lstrip_blocks, trailing newline dropped. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Compiles a template.
   *
   * @throws TemplateException of kind {@link TemplateException.Kind#SYNTAX} if the source is not valid
   */
  public Template fromString(String source) {
    return new Template(Parser.parse(Lexer.tokenize(source, trimBlocks, lstripBlocks, keepTrailingNewline)),
        globals);
  }

  /** Builds an {@link Environment}. */
  public static final class Builder {
    private boolean trimBlocks;
    private boolean lstripBlocks;
    private boolean keepTrailingNewline;
    private final Map<String, Object> globals = new LinkedHashMap<>();

    private Builder() {
    }

    /** Remove the first newline after a block or comment tag. */
    public Builder trimBlocks(boolean on) {
      this.trimBlocks = on;
      return this;
    }

    /** Strip spaces and tabs from the start of a line up to a block or comment tag. */
    public Builder lstripBlocks(boolean on) {
      this.lstripBlocks = on;
      return this;
    }

    /** Keep a single trailing newline of the template source (Jinja drops it by default). */
    public Builder keepTrailingNewline(boolean on) {
      this.keepTrailingNewline = on;
      return this;
    }

    /** Adds a global: a {@link JinjaFunction} or a plain value (see {@link Template#render}). */
    public Builder global(String name, Object value) {
      globals.put(name, Values.fromJava(value));
      return this;
    }

    public Environment build() {
      return new Environment(this);
    }
  }
}
