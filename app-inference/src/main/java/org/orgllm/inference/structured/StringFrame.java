package org.orgllm.inference.structured;

/**
 * Inside a free string: characters so far, the UTF-8 state of a character split across tokens, and the
 * escape being read. Every character counts once towards the length, whether raw or escaped; escapes of
 * UTF-16 surrogates are refused because a lone or mismatched surrogate is not valid Unicode text.
 */
final class StringFrame extends Frame {

    /** No escape in progress. */
    private static final int PLAIN = 0;
    /** After a backslash. */
    private static final int ESCAPE = 1;
    /** Reading hex digit {@code escape - HEX_0 + 1} of a {@code \\uXXXX} escape. */
    private static final int HEX_0 = 2;

    private record Key(StringGrammar grammar, int stillNeeded, int room, int utf8, int escape, int hex) {
    }

    private final StringGrammar grammar;
    private final int count;
    private final int utf8;
    private final int escape;
    private final int hex;

    private StringFrame(Frame parent, StringGrammar grammar, int count, int utf8, int escape, int hex) {
        super(parent);
        this.grammar = grammar;
        this.count = count;
        this.utf8 = utf8;
        this.escape = escape;
        this.hex = hex;
    }

    static StringFrame open(Frame after, StringGrammar grammar) {
        return new StringFrame(after, grammar, 0, Utf8.START, PLAIN, 0);
    }

    @Override
    Frame step(int b) {
        if (escape == ESCAPE) {
            return switch (b) {
                case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> with(count + 1, Utf8.START, PLAIN, 0);
                case 'u' -> with(count, Utf8.START, HEX_0, 0);
                default -> null;
            };
        }
        if (escape >= HEX_0) {
            return hexDigit(b);
        }
        if (utf8 != Utf8.START) {
            int next = Utf8.next(utf8, b);
            return next < 0 ? null : with(count, next, PLAIN, 0);
        }
        if (b == '"') {
            return count >= grammar.minLength ? parent : null;
        }
        if (b < 0x20 || count >= grammar.maxLength) {
            return null; // raw control characters are not JSON; a full string only takes its closing quote
        }
        if (b == '\\') {
            return with(count, Utf8.START, ESCAPE, 0);
        }
        int next = Utf8.next(Utf8.START, b);
        return next < 0 ? null : with(count + 1, next, PLAIN, 0);
    }

    private Frame hexDigit(int b) {
        int digit = b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10
                : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
        if (digit < 0) {
            return null;
        }
        int value = hex * 16 + digit;
        if (escape == HEX_0 + 1 && value >= 0xD8 && value <= 0xDF) {
            return null; // U+D800..U+DFFF: surrogates
        }
        return escape == HEX_0 + 3
                ? with(count + 1, Utf8.START, PLAIN, 0)
                : with(count, Utf8.START, escape + 1, value);
    }

    private StringFrame with(int newCount, int newUtf8, int newEscape, int newHex) {
        return new StringFrame(parent, grammar, newCount, newUtf8, newEscape, newHex);
    }

    @Override
    boolean inFreeString() {
        return escape == PLAIN;
    }

    int utf8State() {
        return utf8;
    }

    /** Characters that may still be added. */
    int room() {
        return grammar.maxLength - count;
    }

    @Override
    int closingBytes() {
        int escapeRest = escape == PLAIN ? 0 : escape == ESCAPE ? 1 : HEX_0 + 4 - escape;
        int pendingChar = escape == PLAIN ? 0 : 1;
        return Utf8.pending(utf8) + escapeRest + Math.max(0, grammar.minLength - count - pendingChar) + 1;
    }

    @Override
    Object key(int clamp) {
        // No token adds more than `clamp` characters, so counts further from either bound mask alike.
        return new Key(grammar, Math.min(Math.max(0, grammar.minLength - count), clamp + 1),
                Math.min(room(), clamp), utf8, escape, escape >= HEX_0 ? hex : 0);
    }
}
