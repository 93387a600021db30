package org.orgllm.inference.template.jinja;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Python {@code str} method semantics (indices count code points, whitespace is Python's). */
final class StringOps {

  private StringOps() {
  }

  static List<Object> split(String s, String sep, int maxsplit) {
    List<Object> out = new ArrayList<>();
    if (sep == null) {
      int i = 0;
      int n = s.length();
      while (true) {
        while (i < n && Py.isSpace(s.codePointAt(i))) {
          i += Character.charCount(s.codePointAt(i));
        }
        if (i >= n) {
          return out;
        }
        if (maxsplit >= 0 && out.size() == maxsplit) {
          out.add(s.substring(i));
          return out;
        }
        int j = i;
        while (j < n && !Py.isSpace(s.codePointAt(j))) {
          j += Character.charCount(s.codePointAt(j));
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    requireSeparator(sep);
    int from = 0;
    int at;
    while ((maxsplit < 0 || out.size() < maxsplit) && (at = s.indexOf(sep, from)) >= 0) {
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }

  static List<Object> rsplit(String s, String sep, int maxsplit) {
    List<Object> out = new ArrayList<>();
    if (sep == null) {
      int end = s.length();
      while (true) {
        while (end > 0 && Py.isSpace(s.codePointBefore(end))) {
          end -= Character.charCount(s.codePointBefore(end));
        }
        if (end <= 0) {
          break;
        }
        if (maxsplit >= 0 && out.size() == maxsplit) {
          out.add(s.substring(0, end));
          break;
        }
        int j = end;
        while (j > 0 && !Py.isSpace(s.codePointBefore(j))) {
          j -= Character.charCount(s.codePointBefore(j));
        }
        out.add(s.substring(j, end));
        end = j;
      }
    } else {
      requireSeparator(sep);
      int end = s.length();
      int at;
      while ((maxsplit < 0 || out.size() < maxsplit) && (at = s.lastIndexOf(sep, end - sep.length())) >= 0) {
        out.add(s.substring(at + sep.length(), end));
        end = at;
      }
      out.add(s.substring(0, end));
    }
    Collections.reverse(out);
    return out;
  }

  private static void requireSeparator(String sep) {
    if (sep.isEmpty()) {
      throw TemplateException.runtime("empty separator");
    }
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85
        || c == 0x2028 || c == 0x2029;
  }

  static List<Object> splitlines(String s, boolean keepends) {
    List<Object> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!isLineBreak(c)) {
        i++;
        continue;
      }
      int end = i;
      i += c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
      out.add(s.substring(start, keepends ? i : end));
      start = i;
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }

  static String replace(String s, String old, String replacement, long count) {
    if (count < 0) {
      if (old.isEmpty()) {
        StringBuilder sb = new StringBuilder(replacement);
        s.codePoints().forEach(cp -> sb.appendCodePoint(cp).append(replacement));
        return sb.toString();
      }
      return s.replace(old, replacement);
    }
    StringBuilder sb = new StringBuilder();
    int from = 0;
    for (long done = 0; done < count; done++) {
      if (old.isEmpty()) {
        sb.append(replacement);
        if (from >= s.length()) {
          return sb.toString();
        }
        int cp = s.codePointAt(from);
        sb.appendCodePoint(cp);
        from += Character.charCount(cp);
        continue;
      }
      int at = s.indexOf(old, from);
      if (at < 0) {
        break;
      }
      sb.append(s, from, at).append(replacement);
      from = at + old.length();
    }
    return sb.append(s.substring(from)).toString();
  }

  private static boolean isCased(int cp) {
    return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
  }

  /** Python's {@code str.title()}: a letter after a non-cased character starts a word. */
  static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean previousCased = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isCased(cp)) {
        sb.append(previousCased ? Character.toString(cp).toLowerCase(Locale.ROOT) : titleCase(cp));
        previousCased = true;
      } else {
        sb.appendCodePoint(cp);
        previousCased = false;
      }
    }
    return sb.toString();
  }

  private static String titleCase(int cp) {
    String upper = Character.toString(cp).toUpperCase(Locale.ROOT);
    return upper.codePointCount(0, upper.length()) == 1 ? Character.toString(Character.toTitleCase(cp)) : upper;
  }

  static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int first = s.codePointAt(0);
    return titleCase(first) + s.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
  }

  static String swapcase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.append(Character.isUpperCase(cp)
        ? Character.toString(cp).toLowerCase(Locale.ROOT)
        : Character.isLowerCase(cp) ? Character.toString(cp).toUpperCase(Locale.ROOT) : Character.toString(cp)));
    return sb.toString();
  }

  /** The part of {@code s} between Python-style start/end code point indices, or null if empty-range past the end. */
  static String window(String s, Object start, Object end) {
    int n = s.codePointCount(0, s.length());
    long from = start == null ? 0 : clamp(Py.requireInt(start), n);
    long to = end == null ? n : clamp(Py.requireInt(end), n);
    if (from > n) {
      return null;
    }
    if (to < from) {
      return "";
    }
    return s.substring(s.offsetByCodePoints(0, (int) from), s.offsetByCodePoints(0, (int) to));
  }

  private static long clamp(long i, int n) {
    if (i < 0) {
      return Math.max(0, i + n);
    }
    return Math.min(i, n);
  }

  /** find / rfind / index / rindex / count, with code point indices. */
  static Object search(String s, String kind, String sub, Object start, Object end) {
    int n = s.codePointCount(0, s.length());
    long from = start == null ? 0 : clamp(Py.requireInt(start), n);
    String window = window(s, start, end);
    if (kind.equals("count")) {
      if (window == null) {
        return 0L;
      }
      if (sub.isEmpty()) {
        return (long) window.codePointCount(0, window.length()) + 1;
      }
      long count = 0;
      for (int at = window.indexOf(sub); at >= 0; at = window.indexOf(sub, at + sub.length())) {
        count++;
      }
      return count;
    }
    int at = window == null ? -1 : kind.startsWith("r") ? window.lastIndexOf(sub) : window.indexOf(sub);
    if (at < 0) {
      if (kind.endsWith("index")) {
        throw TemplateException.runtime("substring not found");
      }
      return -1L;
    }
    return from + window.codePointCount(0, at);
  }

  static String pad(String s, int width, String fill, String how) {
    if (fill.codePointCount(0, fill.length()) != 1) {
      throw TemplateException.runtime("The fill character must be exactly one character long");
    }
    int n = s.codePointCount(0, s.length());
    if (width <= n) {
      return s;
    }
    int total = width - n;
    int left = switch (how) {
      case "ljust" -> 0;
      case "rjust" -> total;
      // Python's center puts the extra space on the right unless both the width and padding are odd.
      default -> total / 2 + (total & width & 1);
    };
    return fill.repeat(left) + s + fill.repeat(total - left);
  }

  static String zfill(String s, int width) {
    int n = s.codePointCount(0, s.length());
    if (width <= n) {
      return s;
    }
    String zeros = "0".repeat(width - n);
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      return s.charAt(0) + zeros + s.substring(1);
    }
    return zeros + s;
  }

  static Tuple partition(String s, String sep, boolean fromRight) {
    requireSeparator(sep);
    int at = fromRight ? s.lastIndexOf(sep) : s.indexOf(sep);
    if (at < 0) {
      return fromRight ? new Tuple("", "", s) : new Tuple(s, "", "");
    }
    return new Tuple(s.substring(0, at), sep, s.substring(at + sep.length()));
  }

  static boolean is(String s, String test) {
    if (test.equals("islower") || test.equals("isupper")) {
      boolean anyCased = false;
      for (int cp : s.codePoints().toArray()) {
        if (test.equals("islower") ? Character.isUpperCase(cp) || Character.isTitleCase(cp)
            : Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
          return false;
        }
        anyCased |= isCased(cp);
      }
      return anyCased;
    }
    if (test.equals("istitle")) {
      return !s.isEmpty() && title(s).equals(s) && s.codePoints().anyMatch(StringOps::isCased);
    }
    if (s.isEmpty()) {
      return false;
    }
    return s.codePoints().allMatch(cp -> switch (test) {
      case "isdecimal" -> Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
      // Python's digits include superscripts and the like (other numbers with a digit value).
      case "isdigit" -> Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER
          || Character.getType(cp) == Character.OTHER_NUMBER
          && Character.getNumericValue(cp) >= 0 && Character.getNumericValue(cp) <= 9;
      case "isnumeric" -> isNumeric(cp);
      case "isalpha" -> Character.isLetter(cp);
      case "isalnum" -> Character.isLetter(cp) || isNumeric(cp);
      default -> Py.isSpace(cp);
    });
  }

  private static boolean isNumeric(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }
}
