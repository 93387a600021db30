package org.orgllm.inference.template.jinja;

/**
 * One lexer token. {@code value} is the decoded value: the unescaped text of a string literal, a
 * {@link Long} or {@link Double} for numbers, the text itself otherwise.
 */
record Token(Type type, Object value, int line) {

  enum Type {
    DATA, VARIABLE_BEGIN, VARIABLE_END, BLOCK_BEGIN, BLOCK_END,
    NAME, STRING, INTEGER, FLOAT, OPERATOR, EOF
  }

  /** True for a name token with this exact text (keywords are plain names in Jinja). */
  boolean isName(String name) {
    return type == Type.NAME && value.equals(name);
  }

  boolean isOp(String op) {
    return type == Type.OPERATOR && value.equals(op);
  }

  String describe() {
    return switch (type) {
      case EOF -> "end of template";
      case BLOCK_END -> "end of statement block";
      case VARIABLE_END -> "end of print statement";
      case BLOCK_BEGIN -> "begin of statement block";
      case VARIABLE_BEGIN -> "begin of print statement";
      case STRING -> "string";
      case DATA -> "template data";
      default -> String.valueOf(value);
    };
  }
}
