package org.orgllm.inference.template;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Python's {@code datetime.now().strftime(format)} on Linux (glibc, C locale, a naive local time):
 * the directives chat templates use ({@code %d %b %Y}, {@code %B}, {@code %A}, ...), glibc's
 * {@code -}/{@code _}/{@code 0} padding flags, and empty {@code %z}/{@code %Z}.
 */
final class Strftime {

  private Strftime() {
  }

  static String format(LocalDateTime t, String format) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 >= format.length()) {
        out.append(c);
        continue;
      }
      char flag = 0;
      char d = format.charAt(++i);
      if ((d == '-' || d == '_' || d == '0') && i + 1 < format.length()) {
        flag = d;
        d = format.charAt(++i);
      }
      out.append(directive(t, d, flag));
    }
    return out.toString();
  }

  private static String directive(LocalDateTime t, char d, char flag) {
    int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    return switch (d) {
      case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case 'c' -> format(t, "%a %b %e %H:%M:%S %Y");
      case 'C' -> number(t.getYear() / 100, 2, '0', flag);
      case 'd' -> number(t.getDayOfMonth(), 2, '0', flag);
      case 'D' -> format(t, "%m/%d/%y");
      case 'e' -> number(t.getDayOfMonth(), 2, ' ', flag);
      case 'f' -> String.format("%06d", t.getNano() / 1000);
      case 'F' -> format(t, "%Y-%m-%d");
      case 'G' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
      case 'H' -> number(t.getHour(), 2, '0', flag);
      case 'I' -> number(hour12, 2, '0', flag);
      case 'j' -> number(t.getDayOfYear(), 3, '0', flag);
      case 'k' -> number(t.getHour(), 2, ' ', flag);
      case 'l' -> number(hour12, 2, ' ', flag);
      case 'm' -> number(t.getMonthValue(), 2, '0', flag);
      case 'M' -> number(t.getMinute(), 2, '0', flag);
      case 'n' -> "\n";
      case 'p' -> t.getHour() < 12 ? "AM" : "PM";
      case 'P' -> t.getHour() < 12 ? "am" : "pm";
      case 'r' -> format(t, "%I:%M:%S %p");
      case 'R' -> format(t, "%H:%M");
      case 'S' -> number(t.getSecond(), 2, '0', flag);
      case 't' -> "\t";
      case 'T', 'X' -> format(t, "%H:%M:%S");
      case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
      case 'U' -> number((t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7, 2, '0', flag);
      case 'V' -> number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', flag);
      case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
      case 'W' -> number((t.getDayOfYear() + 6 - (t.getDayOfWeek().getValue() + 6) % 7) / 7, 2, '0', flag);
      case 'x' -> format(t, "%m/%d/%y");
      case 'y' -> number(t.getYear() % 100, 2, '0', flag);
      case 'Y' -> Integer.toString(t.getYear());
      case 'z', 'Z' -> "";
      case '%' -> "%";
      default -> "%" + (flag == 0 ? "" : String.valueOf(flag)) + d;
    };
  }

  private static String number(int value, int width, char pad, char flag) {
    String digits = Integer.toString(value);
    if (flag == '-') {
      return digits;
    }
    char fill = flag == '_' ? ' ' : flag == '0' ? '0' : pad;
    return String.valueOf(fill).repeat(Math.max(0, width - digits.length())) + digits;
  }
}
