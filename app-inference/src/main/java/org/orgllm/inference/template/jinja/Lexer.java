package org.orgllm.inference.template.jinja;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits template source into tokens exactly like Jinja2's {@code lexer.py}: the same delimiters,
 * the same {@code -}/{@code +} whitespace control, and the same {@code trim_blocks} /
 * {@code lstrip_blocks} rules, because chat templates depend on them character for character.
 */
final class Lexer {

  private static final String WS = "[" + Py.SPACE_CLASS + "]";
  private static final Pattern WHITESPACE = Pattern.compile(WS + "+");
  private static final Pattern FLOAT = Pattern.compile(
      "(?<!\\.)(?:\\d+_)*\\d+(?:(?:\\.(?:\\d+_)*\\d+)?[eE][+\\-]?(?:\\d+_)*\\d+|\\.(?:\\d+_)*\\d+)");
  private static final Pattern INTEGER = Pattern.compile(
      "0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0[xX](?:_?[0-9a-fA-F])+|[1-9](?:_?\\d)*|0(?:_?0)*");
  private static final Pattern STRING = Pattern.compile(
      "'([^'\\\\]*(?:\\\\.[^'\\\\]*)*)'|\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\"", Pattern.DOTALL);
  private static final Pattern RAW_BEGIN = Pattern.compile(
      "\\{%([-+]?)" + WS + "*raw" + WS + "*(?:-%}" + WS + "*|%})");
  private static final Pattern RAW_END = Pattern.compile(
      "\\{%([-+]?)" + WS + "*endraw" + WS + "*(\\+%}|-%}" + WS + "*|%})");
  private static final List<String> OPERATORS = List.of(
      "//", "**", "==", "!=", ">=", "<=",
      "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}", ">", "<", "=", ".", ":", "|", ",", ";");

  private final boolean trimBlocks;
  private final boolean lstripBlocks;
  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int line = 1;
  /** Jinja's {@code line_starting}: the previous match ended with a newline (or nothing matched yet). */
  private boolean lineStarting = true;

  private Lexer(String source, boolean trimBlocks, boolean lstripBlocks, boolean keepTrailingNewline) {
    this.trimBlocks = trimBlocks;
    this.lstripBlocks = lstripBlocks;
    this.src = normalizeNewlines(source, keepTrailingNewline);
  }

  static List<Token> tokenize(String source, boolean trimBlocks, boolean lstripBlocks, boolean keepTrailingNewline) {
    Lexer lexer = new Lexer(source, trimBlocks, lstripBlocks, keepTrailingNewline);
    lexer.run();
    return lexer.tokens;
  }

  /** \r\n and \r become \n; one trailing newline is dropped unless keep_trailing_newline. */
  private static String normalizeNewlines(String source, boolean keepTrailingNewline) {
    String s = source.replace("\r\n", "\n").replace('\r', '\n');
    if (!keepTrailingNewline && s.endsWith("\n")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private void run() {
    while (pos < src.length()) {
      int start = nextTagStart(pos);
      if (start < 0) {
        emit(Token.Type.DATA, src.substring(pos), line);
        advanceTo(src.length());
        break;
      }
      char kind = src.charAt(start + 1);
      Matcher raw = kind == '%' ? RAW_BEGIN.matcher(src).region(start, src.length()) : null;
      boolean isRaw = raw != null && raw.lookingAt();
      char sign = start + 2 < src.length() ? src.charAt(start + 2) : 0;
      boolean hasSign = sign == '-' || sign == '+';
      emitLeadingText(src.substring(pos, start), hasSign ? sign : 0, kind != '{');
      advanceTo(start);
      int tagLine = line;
      if (isRaw) {
        advanceTo(raw.end());
        lineStarting = src.charAt(raw.end() - 1) == '\n';
        lexRaw(tagLine);
        continue;
      }
      advanceTo(start + 2 + (hasSign ? 1 : 0));
      lineStarting = false;
      switch (kind) {
        case '#' -> lexComment(tagLine);
        case '%' -> {
          emit(Token.Type.BLOCK_BEGIN, "{%", tagLine);
          lexTag(false);
        }
        default -> {
          emit(Token.Type.VARIABLE_BEGIN, "{{", tagLine);
          lexTag(true);
        }
      }
    }
    // Like Jinja, the end of the template is reported at the last token's line.
    tokens.add(new Token(Token.Type.EOF, "", tokens.isEmpty() ? line : tokens.getLast().line()));
  }

  private int nextTagStart(int from) {
    for (int i = from; i < src.length() - 1; i++) {
      if (src.charAt(i) == '{') {
        char c = src.charAt(i + 1);
        if (c == '{' || c == '%' || c == '#') {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The text before a tag, after whitespace control: {@code -} strips all whitespace before the
   * tag; otherwise lstrip_blocks strips spaces and tabs between the line start and a block or
   * comment tag (never a print tag), unless the tag says {@code +}.
   */
  private void emitLeadingText(String text, char sign, boolean blockOrComment) {
    int textLine = line;
    if (sign == '-') {
      text = Py.rstrip(text, null);
    } else if (sign != '+' && lstripBlocks && blockOrComment) {
      int lineStart = text.lastIndexOf('\n') + 1;
      if ((lineStart > 0 || lineStarting) && lineStart < text.length()
          && WHITESPACE.matcher(text).region(lineStart, text.length()).matches()) {
        text = text.substring(0, lineStart);
      }
    }
    if (!text.isEmpty()) {
      emit(Token.Type.DATA, text, textLine);
    }
  }

  private void lexComment(int tagLine) {
    for (int i = pos; i < src.length() - 1; i++) {
      if (src.startsWith("+#}", i)) {
        finishEnd(i + 3);
        return;
      }
      if (src.startsWith("-#}", i)) {
        finishEnd(skipWhitespace(i + 3));
        return;
      }
      if (src.startsWith("#}", i)) {
        finishEnd(trimNewline(i + 2));
        return;
      }
    }
    throw new TemplateException(TemplateException.Kind.SYNTAX, "Missing end of comment tag", tagLine);
  }

  private void lexRaw(int tagLine) {
    for (int i = pos; i < src.length() - 1; i++) {
      if (src.charAt(i) != '{' || src.charAt(i + 1) != '%') {
        continue;
      }
      Matcher end = RAW_END.matcher(src).region(i, src.length());
      if (!end.lookingAt()) {
        continue;
      }
      String sign = end.group(1);
      emitLeadingText(src.substring(pos, i), sign.isEmpty() ? 0 : sign.charAt(0), true);
      advanceTo(i);
      finishEnd(end.group(2).equals("%}") ? trimNewline(end.end()) : end.end());
      return;
    }
    throw new TemplateException(TemplateException.Kind.SYNTAX, "Missing end of raw directive", tagLine);
  }

  /** Lexes the inside of {{ ... }} or {% ... %} up to the matching end delimiter. */
  private void lexTag(boolean variable) {
    Deque<Character> balance = new ArrayDeque<>();
    while (pos < src.length()) {
      if (balance.isEmpty() && lexTagEnd(variable)) {
        return;
      }
      Matcher m;
      if ((m = match(WHITESPACE)) != null) {
        advanceTo(m.end());
        lineStarting = src.charAt(m.end() - 1) == '\n';
        continue;
      }
      lineStarting = false;
      int tokenLine = line;
      if ((m = match(FLOAT)) != null) {
        emit(Token.Type.FLOAT, Double.parseDouble(m.group().replace("_", "")), tokenLine);
      } else if ((m = match(INTEGER)) != null) {
        emit(Token.Type.INTEGER, parseInteger(m.group(), tokenLine), tokenLine);
      } else if (Character.isUnicodeIdentifierStart(src.codePointAt(pos)) || src.charAt(pos) == '_') {
        int end = pos + Character.charCount(src.codePointAt(pos));
        while (end < src.length() && Character.isUnicodeIdentifierPart(src.codePointAt(end))
            && !Character.isIdentifierIgnorable(src.codePointAt(end))) {
          end += Character.charCount(src.codePointAt(end));
        }
        emit(Token.Type.NAME, src.substring(pos, end), tokenLine);
        advanceTo(end);
        continue;
      } else if ((m = match(STRING)) != null) {
        String body = m.group(1) != null ? m.group(1) : m.group(2);
        emit(Token.Type.STRING, unescape(body, tokenLine), tokenLine);
      } else {
        String op = OPERATORS.stream().filter(o -> src.startsWith(o, pos)).findFirst()
            .orElseThrow(() -> new TemplateException(TemplateException.Kind.SYNTAX,
                "unexpected char " + Py.repr(src.substring(pos, pos + 1)) + " at " + pos, tokenLine));
        checkBalance(balance, op, tokenLine);
        emit(Token.Type.OPERATOR, op, tokenLine);
        advanceTo(pos + op.length());
        continue;
      }
      advanceTo(m.end());
    }
  }

  private boolean lexTagEnd(boolean variable) {
    String close = variable ? "}}" : "%}";
    int end;
    if (!variable && src.startsWith("+%}", pos)) {
      end = pos + 3;
    } else if (src.startsWith("-" + close, pos)) {
      end = skipWhitespace(pos + 3);
    } else if (src.startsWith(close, pos)) {
      end = variable ? pos + 2 : trimNewline(pos + 2);
    } else {
      return false;
    }
    emit(variable ? Token.Type.VARIABLE_END : Token.Type.BLOCK_END, close, line);
    finishEnd(end);
    return true;
  }

  private void checkBalance(Deque<Character> balance, String op, int tokenLine) {
    switch (op) {
      case "{" -> balance.push('}');
      case "(" -> balance.push(')');
      case "[" -> balance.push(']');
      case "}", ")", "]" -> {
        if (balance.isEmpty()) {
          throw new TemplateException(TemplateException.Kind.SYNTAX, "unexpected '" + op + "'", tokenLine);
        }
        char expected = balance.pop();
        if (expected != op.charAt(0)) {
          throw new TemplateException(TemplateException.Kind.SYNTAX,
              "unexpected '" + op + "', expected '" + expected + "'", tokenLine);
        }
      }
      default -> { }
    }
  }

  private Matcher match(Pattern p) {
    Matcher m = p.matcher(src).region(pos, src.length());
    m.useTransparentBounds(true);
    return m.lookingAt() ? m : null;
  }

  private int skipWhitespace(int from) {
    Matcher m = WHITESPACE.matcher(src).region(from, src.length());
    return m.lookingAt() ? m.end() : from;
  }

  private int trimNewline(int from) {
    return trimBlocks && from < src.length() && src.charAt(from) == '\n' ? from + 1 : from;
  }

  private void finishEnd(int end) {
    lineStarting = end > 0 && src.charAt(end - 1) == '\n';
    advanceTo(end);
  }

  private void advanceTo(int newPos) {
    for (int i = pos; i < newPos; i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
    pos = newPos;
  }

  private void emit(Token.Type type, Object value, int tokenLine) {
    tokens.add(new Token(type, value, tokenLine));
  }

  private static Long parseInteger(String text, int tokenLine) {
    String digits = text.replace("_", "").toLowerCase();
    int radix = 10;
    if (digits.startsWith("0b")) {
      radix = 2;
    } else if (digits.startsWith("0o")) {
      radix = 8;
    } else if (digits.startsWith("0x")) {
      radix = 16;
    }
    try {
      return Long.parseLong(radix == 10 ? digits : digits.substring(2), radix);
    } catch (NumberFormatException e) {
      throw new TemplateException(TemplateException.Kind.SYNTAX, "integer literal too large: " + text, tokenLine);
    }
  }

  /**
   * Decodes a string literal body the way Jinja does: {@code encode("ascii", "backslashreplace")
   * .decode("unicode-escape")}, i.e. Python escapes, and a backslash before a non-ASCII character
   * yields that character's {@code \xNN} spelling.
   */
  static String unescape(String body, int tokenLine) {
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        out.append(c);
        i++;
        continue;
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case '\n' -> { }
        case '\\', '\'', '"' -> out.append(e);
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case 'x', 'u', 'U' -> {
          int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          int cp = hex(body, i, len);
          if (cp < 0) {
            throw new TemplateException(TemplateException.Kind.SYNTAX,
                "truncated \\" + e + "XX".repeat(len / 2) + " escape", tokenLine);
          }
          if (cp > 0x10FFFF) {
            throw new TemplateException(TemplateException.Kind.SYNTAX, "illegal Unicode character", tokenLine);
          }
          out.appendCodePoint(cp);
          i += len;
        }
        case 'N' -> {
          int close = body.indexOf('}', i);
          if (i >= body.length() || body.charAt(i) != '{' || close < 0) {
            throw new TemplateException(TemplateException.Kind.SYNTAX, "malformed \\N character escape", tokenLine);
          }
          try {
            out.appendCodePoint(Character.codePointOf(body.substring(i + 1, close)));
          } catch (IllegalArgumentException ex) {
            throw new TemplateException(TemplateException.Kind.SYNTAX, "unknown Unicode character name", tokenLine);
          }
          i = close + 1;
        }
        default -> {
          if (e >= '0' && e <= '7') {
            int end = i - 1;
            int value = 0;
            while (end < body.length() && end < i + 2 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
              value = value * 8 + (body.charAt(end) - '0');
              end++;
            }
            out.appendCodePoint(value);
            i = end;
          } else if (e > 0x7f) {
            // backslashreplace turned the character into its escape text, which then decodes literally.
            int cp = body.codePointAt(i - 1);
            out.append('\\').append(Py.backslashEscape(cp));
            i = i - 1 + Character.charCount(cp);
          } else {
            out.append('\\').append(e);
          }
        }
      }
    }
    return out.toString();
  }

  private static int hex(String s, int from, int len) {
    if (from + len > s.length()) {
      return -1;
    }
    int value = 0;
    for (int k = from; k < from + len; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0) {
        return -1;
      }
      value = value * 16 + d;
    }
    return value;
  }
}
