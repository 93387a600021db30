package org.orgllm.inference.template.jinja;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python string formatting: {@code "%s" % args} (printf style), {@code str.format(...)} and the
 * format-spec mini-language ({@code "{:>8.2f}"}), covering the common conversions.
 */
final class PyFormat {

  private static final Pattern SPEC = Pattern.compile(
      "(?:(.)?([<>=^]))?([+\\- ])?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([bcdeEfFgGnosxX%])?", Pattern.DOTALL);

  private PyFormat() {
  }

  /** A parsed format spec. */
  private record Spec(char fill, char align, char sign, boolean alt, int width, char grouping, int precision,
      char type) {
  }

  // ---- printf style ----

  static String percent(String fmt, Object values) {
    List<?> args = values instanceof Tuple t ? t : List.of(values == null ? NONE : values);
    Map<?, ?> mapping = values instanceof Map<?, ?> m ? m : null;
    // Python treats any non-tuple with __getitem__ (dicts, lists) as a mapping: unused is fine.
    boolean mappingLike = mapping != null || values instanceof List<?> && !(values instanceof Tuple)
        || values instanceof Undefined;
    int next = 0;
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < fmt.length()) {
      char c = fmt.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i >= fmt.length()) {
        throw TemplateException.runtime("incomplete format");
      }
      Object value = null;
      boolean keyed = false;
      if (fmt.charAt(i) == '(') {
        int depth = 1;
        int start = ++i;
        while (i < fmt.length() && depth > 0) {
          depth += fmt.charAt(i) == '(' ? 1 : fmt.charAt(i) == ')' ? -1 : 0;
          i++;
        }
        if (values instanceof Undefined u) {
          throw u.error();
        }
        if (mapping == null) {
          throw TemplateException.runtime(mappingLike ? "list indices must be integers or slices, not str"
              : "format requires a mapping");
        }
        String key = fmt.substring(start, i - 1);
        Object k = Py.findKey(mapping, key);
        if (k == Py.MISSING) {
          throw TemplateException.runtime("KeyError: " + Py.repr(key));
        }
        value = mapping.get(k);
        keyed = true;
      }
      StringBuilder flags = new StringBuilder();
      while (i < fmt.length() && "-+ #0".indexOf(fmt.charAt(i)) >= 0) {
        flags.append(fmt.charAt(i++));
      }
      int width = -1;
      if (i < fmt.length() && fmt.charAt(i) == '*') {
        i++;
        width = (int) Py.requireInt(nextArg(args, next++));
      } else {
        int start = i;
        while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
          i++;
        }
        width = start == i ? -1 : Integer.parseInt(fmt.substring(start, i));
      }
      int precision = -1;
      if (i < fmt.length() && fmt.charAt(i) == '.') {
        i++;
        if (i < fmt.length() && fmt.charAt(i) == '*') {
          i++;
          precision = (int) Py.requireInt(nextArg(args, next++));
        } else {
          int start = i;
          while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
            i++;
          }
          precision = start == i ? 0 : Integer.parseInt(fmt.substring(start, i));
        }
      }
      while (i < fmt.length() && "hlL".indexOf(fmt.charAt(i)) >= 0) {
        i++;
      }
      if (i >= fmt.length()) {
        throw TemplateException.runtime("incomplete format");
      }
      char conv = fmt.charAt(i++);
      if (conv == '%') {
        out.append('%');
        continue;
      }
      if (!keyed) {
        value = nextArg(args, next++);
      }
      out.append(printf(conv, unwrap(value), flags.toString(), width, precision));
    }
    if (!mappingLike && next < args.size()) {
      throw TemplateException.runtime("not all arguments converted during string formatting");
    }
    return out.toString();
  }

  /** Stands in for None inside List.of, which refuses nulls. */
  private static final Object NONE = new Object();

  private static Object unwrap(Object v) {
    return v == NONE ? null : v;
  }

  private static Object nextArg(List<?> args, int index) {
    if (index >= args.size()) {
      throw TemplateException.runtime("not enough arguments for format string");
    }
    return args.get(index);
  }

  private static String printf(char conv, Object value, String flags, int width, int precision) {
    boolean left = flags.indexOf('-') >= 0;
    char sign = flags.indexOf('+') >= 0 ? '+' : flags.indexOf(' ') >= 0 ? ' ' : '-';
    boolean zero = flags.indexOf('0') >= 0 && !left;
    boolean alt = flags.indexOf('#') >= 0;
    String body;
    boolean numeric = true;
    switch (conv) {
      case 's', 'r', 'a' -> {
        body = conv == 's' ? Py.str(value) : conv == 'r' ? Py.repr(value) : ascii(Py.repr(value));
        if (precision >= 0 && body.codePointCount(0, body.length()) > precision) {
          body = body.substring(0, body.offsetByCodePoints(0, precision));
        }
        numeric = false;
      }
      case 'c' -> {
        body = value instanceof String s && s.codePointCount(0, s.length()) == 1 ? s
            : Character.toString((int) Py.requireInt(value));
        numeric = false;
      }
      case 'd', 'i', 'u' -> {
        if (!Py.isNumber(value)) {
          throw TemplateException.runtime("%" + conv + " format: a real number is required, not " + Py.typeName(value));
        }
        long n = value instanceof Double d ? (long) d.doubleValue() : Py.toLong(value);
        body = Long.toString(n);
        if (precision > 0 && body.replace("-", "").length() < precision) {
          body = (n < 0 ? "-" : "") + "0".repeat(precision - body.replace("-", "").length()) + Math.abs(n);
        }
      }
      case 'x', 'X', 'o' -> {
        if (!Py.isInt(value)) {
          throw TemplateException.runtime("%" + conv + " format: an integer is required, not " + Py.typeName(value));
        }
        body = integer(Py.toLong(value), conv, alt);
      }
      case 'e', 'E', 'f', 'F', 'g', 'G' -> {
        if (!Py.isNumber(value)) {
          throw TemplateException.runtime("must be real number, not " + Py.typeName(value));
        }
        body = floating(Py.toDouble(value), conv, precision < 0 ? 6 : precision, alt);
      }
      default -> throw TemplateException.runtime("unsupported format character '" + conv + "'");
    }
    if (numeric) {
      String digits = body.startsWith("-") ? body.substring(1) : body;
      String signText = body.startsWith("-") ? "-" : sign == '-' ? "" : String.valueOf(sign);
      return align(signText, digits, width, left ? '<' : zero ? '=' : '>', zero ? '0' : ' ');
    }
    return align("", body, width, left ? '<' : '>', ' ');
  }

  // ---- str.format ----

  static String format(String fmt, List<Object> args, Map<String, Object> kwargs) {
    StringBuilder out = new StringBuilder();
    int auto = 0;
    boolean manual = false;
    int i = 0;
    while (i < fmt.length()) {
      char c = fmt.charAt(i);
      if (c == '}') {
        if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '}') {
          out.append('}');
          i += 2;
          continue;
        }
        throw TemplateException.runtime("Single '}' encountered in format string");
      }
      if (c != '{') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
        continue;
      }
      int depth = 1;
      int start = ++i;
      while (i < fmt.length() && depth > 0) {
        depth += fmt.charAt(i) == '{' ? 1 : fmt.charAt(i) == '}' ? -1 : 0;
        i++;
      }
      if (depth > 0) {
        throw TemplateException.runtime("expected '}' before end of string");
      }
      String field = fmt.substring(start, i - 1);
      int colon = indexOutsideBrackets(field, ':');
      String spec = colon < 0 ? "" : field.substring(colon + 1);
      String head = colon < 0 ? field : field.substring(0, colon);
      char conversion = 0;
      int bang = indexOutsideBrackets(head, '!');
      if (bang >= 0) {
        conversion = head.length() > bang + 1 ? head.charAt(bang + 1) : 0;
        head = head.substring(0, bang);
      }
      Matcher m = Pattern.compile("^([^.\\[]*)(.*)$", Pattern.DOTALL).matcher(head);
      m.matches();
      String first = m.group(1);
      Object value;
      if (first.isEmpty()) {
        if (manual) {
          throw TemplateException.runtime("cannot switch from manual field specification to automatic field numbering");
        }
        value = positional(args, auto++);
      } else if (first.chars().allMatch(Character::isDigit)) {
        if (auto > 0) {
          throw TemplateException.runtime("cannot switch from automatic field numbering to manual field specification");
        }
        manual = true;
        value = positional(args, Integer.parseInt(first));
      } else {
        if (!kwargs.containsKey(first)) {
          throw TemplateException.runtime("KeyError: " + Py.repr(first));
        }
        value = kwargs.get(first);
      }
      value = accessors(value, m.group(2));
      value = switch (conversion) {
        case 'r' -> Py.repr(value);
        case 's' -> Py.str(value);
        case 'a' -> ascii(Py.repr(value));
        default -> value;
      };
      if (spec.indexOf('{') >= 0) {
        spec = format(spec, args, kwargs);
      }
      out.append(formatValue(value, spec));
    }
    return out.toString();
  }

  private static int indexOutsideBrackets(String s, char c) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char x = s.charAt(i);
      if (x == '[') {
        depth++;
      } else if (x == ']') {
        depth--;
      } else if (x == c && depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static Object positional(List<Object> args, int index) {
    if (index >= args.size()) {
      throw TemplateException.runtime("Replacement index " + index + " out of range for positional args tuple");
    }
    return args.get(index);
  }

  /** {@code .attr} and {@code [key]} parts of a replacement field, looked up the sandboxed way. */
  private static Object accessors(Object value, String path) {
    int i = 0;
    while (i < path.length()) {
      if (path.charAt(i) == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        value = Py.getattr(value, path.substring(i + 1, end));
        i = end;
      } else if (path.charAt(i) == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          throw TemplateException.runtime("Missing ']' in format string");
        }
        String key = path.substring(i + 1, end);
        value = Py.getitem(value, !key.isEmpty() && key.chars().allMatch(Character::isDigit) ? Long.valueOf(key) : key);
        i = end + 1;
      } else {
        throw TemplateException.runtime("Only '.' or '[' may follow ']' in format field specifier");
      }
    }
    return value;
  }

  // ---- format(value, spec) ----

  static String formatValue(Object value, String specText) {
    if (specText.isEmpty()) {
      return Py.str(value);
    }
    Matcher m = SPEC.matcher(specText);
    if (!m.matches()) {
      throw TemplateException.runtime("Invalid format specifier '" + specText + "' for object of type '"
          + Py.typeName(value) + "'");
    }
    Spec spec = new Spec(
        m.group(1) != null ? m.group(1).charAt(0) : m.group(5) != null && m.group(2) == null ? '0' : ' ',
        m.group(2) != null ? m.group(2).charAt(0) : m.group(5) != null ? '=' : 0,
        m.group(3) != null ? m.group(3).charAt(0) : '-',
        m.group(4) != null,
        m.group(6) != null ? Integer.parseInt(m.group(6)) : -1,
        m.group(7) != null ? m.group(7).charAt(0) : 0,
        m.group(8) != null ? Integer.parseInt(m.group(8)) : -1,
        m.group(9) != null ? m.group(9).charAt(0) : 0);
    return switch (value) {
      case String s -> formatString(s, spec);
      case Markup markup -> formatString(markup.text(), spec);
      case Boolean b -> formatNumber(b ? 1L : 0L, spec);
      case Long l -> formatNumber(l, spec);
      case Double d -> formatNumber(d, spec);
      case null, default -> throw TemplateException.runtime("unsupported format string passed to "
          + Py.typeName(value) + ".__format__");
    };
  }

  private static String formatString(String s, Spec spec) {
    if (spec.type != 0 && spec.type != 's') {
      throw TemplateException.runtime("Unknown format code '" + spec.type + "' for object of type 'str'");
    }
    if (spec.precision >= 0 && s.codePointCount(0, s.length()) > spec.precision) {
      s = s.substring(0, s.offsetByCodePoints(0, spec.precision));
    }
    return align("", s, spec.width, spec.align == 0 ? '<' : spec.align, spec.fill);
  }

  private static String formatNumber(Object n, Spec spec) {
    char type = spec.type;
    String body;
    boolean negative;
    if (n instanceof Long l && (type == 0 || "bdnoxXc".indexOf(type) >= 0)) {
      negative = l < 0;
      body = type == 'c' ? Character.toString((int) (long) l)
          : integer(Math.abs(l), type == 0 || type == 'n' ? 'd' : type, spec.alt);
      body = group(body, spec.grouping, type == 'b' || type == 'o' || type == 'x' || type == 'X' ? 4 : 3);
    } else if (type == 0 || "eEfFgGn%".indexOf(type) >= 0) {
      double d = Py.toDouble(n);
      negative = d < 0 || d == 0 && 1 / d < 0;
      double abs = Math.abs(d);
      if (type == '%') {
        body = floating(abs * 100, 'f', spec.precision < 0 ? 6 : spec.precision, spec.alt) + "%";
      } else if (type == 0 && spec.precision < 0) {
        body = n instanceof Long l ? Long.toString(Math.abs(l)) : Py.floatRepr(abs);
      } else if (type == 0) {
        body = floating(abs, 'g', spec.precision, spec.alt);
        if (body.matches("\\d+")) {
          body += ".0";
        }
      } else {
        body = floating(abs, type == 'n' ? 'g' : type, spec.precision < 0 ? 6 : spec.precision, spec.alt);
      }
      int dot = body.indexOf('.');
      String intPart = dot < 0 ? body.replaceAll("[^0-9].*$", "") : body.substring(0, dot);
      body = group(intPart, spec.grouping, 3) + body.substring(intPart.length());
    } else {
      throw TemplateException.runtime("Unknown format code '" + type + "' for object of type '" + Py.typeName(n) + "'");
    }
    String sign = negative ? "-" : spec.sign == '-' ? "" : String.valueOf(spec.sign);
    return align(sign, body, spec.width, spec.align == 0 ? '>' : spec.align, spec.fill);
  }

  private static String group(String digits, char separator, int every) {
    if (separator == 0 || !digits.chars().allMatch(Character::isLetterOrDigit)) {
      return digits;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % every == 0) {
        sb.append(separator);
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }

  /** Pads {@code sign + body} to {@code width}; '=' puts the padding between sign and digits. */
  private static String align(String sign, String body, int width, char align, char fill) {
    int len = sign.length() + body.codePointCount(0, body.length());
    if (width <= len) {
      return sign + body;
    }
    String pad = Character.toString(fill).repeat(width - len);
    return switch (align) {
      case '<' -> sign + body + pad;
      case '^' -> {
        int left = (width - len) / 2;
        yield pad.substring(0, left) + sign + body + pad.substring(left);
      }
      case '=' -> sign + pad + body;
      default -> pad + sign + body;
    };
  }

  private static String integer(long n, char type, boolean alt) {
    return switch (type) {
      case 'x' -> (alt ? "0x" : "") + Long.toHexString(n);
      case 'X' -> (alt ? "0X" : "") + Long.toHexString(n).toUpperCase(Locale.ROOT);
      case 'o' -> (alt ? "0o" : "") + Long.toOctalString(n);
      case 'b' -> (alt ? "0b" : "") + Long.toBinaryString(n);
      default -> Long.toString(n);
    };
  }

  /** Formats a non-negative (or negative, for printf) double with a float conversion. */
  static String floating(double d, char type, int precision, boolean alt) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      String text = Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
      return Character.isUpperCase(type) ? text.toUpperCase(Locale.ROOT) : text;
    }
    String sign = d < 0 || d == 0 && 1 / d < 0 ? "-" : "";
    double abs = Math.abs(d);
    String body = switch (Character.toLowerCase(type)) {
      case 'f' -> fixed(abs, precision, alt);
      case 'e' -> scientific(abs, precision, alt);
      default -> general(abs, precision == 0 ? 1 : precision, alt);
    };
    return sign + (Character.isUpperCase(type) ? body.toUpperCase(Locale.ROOT) : body);
  }

  private static String fixed(double d, int precision, boolean alt) {
    String s = new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    return alt && precision == 0 ? s + "." : s;
  }

  private static String scientific(double d, int precision, boolean alt) {
    String digits;
    int exponent;
    if (d == 0) {
      digits = "0".repeat(precision + 1);
      exponent = 0;
    } else {
      BigDecimal rounded = new BigDecimal(d).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
      exponent = rounded.precision() - rounded.scale() - 1;
      digits = rounded.unscaledValue().toString();
      digits = digits.length() > precision + 1 ? digits.substring(0, precision + 1)
          : digits + "0".repeat(precision + 1 - digits.length());
    }
    String mantissa = digits.charAt(0) + (precision > 0 || alt ? "." + digits.substring(1) : "");
    String exp = Integer.toString(Math.abs(exponent));
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" + exp : exp);
  }

  private static String general(double d, int precision, boolean alt) {
    int exponent = 0;
    if (d != 0) {
      BigDecimal rounded = new BigDecimal(d).round(new MathContext(precision, RoundingMode.HALF_EVEN));
      exponent = rounded.precision() - rounded.scale() - 1;
    }
    String s = exponent >= -4 && exponent < precision
        ? fixed(d, precision - 1 - exponent, alt)
        : scientific(d, precision - 1, alt);
    if (alt) {
      return s;
    }
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return mantissa + (e < 0 ? "" : s.substring(e));
  }

  private static String ascii(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> sb.append(cp < 0x80 ? Character.toString(cp) : Py.backslashEscape(cp)));
    return sb.toString();
  }
}
