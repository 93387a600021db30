package org.orgllm.inference.structured;

import java.nio.charset.StandardCharsets;

/**
 * A number being read. A prefix is accepted only if some completion within the digit limits lies in the
 * bounds, so the model can never paint itself into a corner (say {@code 0.} under {@code minimum: 1}).
 */
final class NumberFrame extends Frame {

    private static final byte[] COMPLETION_ORDER = "0123456789.-".getBytes(StandardCharsets.US_ASCII);

    private record Key(NumberGrammar grammar, boolean negative, int digits, long integer, boolean dot, int fraction,
                       long fractionValue) {
    }

    private final NumberGrammar grammar;
    private final boolean negative;
    /** Integer digits so far. */
    private final int digits;
    private final long integer;
    private final boolean dot;
    /** Fraction digits so far. */
    private final int fraction;
    private final long fractionValue;

    private NumberFrame(Frame parent, NumberGrammar grammar, boolean negative, int digits, long integer, boolean dot,
                        int fraction, long fractionValue) {
        super(parent);
        this.grammar = grammar;
        this.negative = negative;
        this.digits = digits;
        this.integer = integer;
        this.dot = dot;
        this.fraction = fraction;
        this.fractionValue = fractionValue;
    }

    static NumberFrame start(Frame after, NumberGrammar grammar) {
        return new NumberFrame(after, grammar, false, 0, 0, false, 0, 0);
    }

    @Override
    Frame step(int b) {
        Frame extended = extend(b);
        if (extended != null) {
            return extended;
        }
        // Digits, '.' and '-' never follow a complete value, so any other byte ends the number here.
        boolean numberByte = (b >= '0' && b <= '9') || b == '.' || b == '-';
        return !numberByte && isComplete() ? parent.step(b) : null;
    }

    /** The number with one more byte of its own, or {@code null}. */
    NumberFrame extend(int b) {
        NumberFrame n;
        if (b == '-') {
            n = digits == 0 && !negative && grammar.low < 0
                    ? new NumberFrame(parent, grammar, true, 0, 0, false, 0, 0) : null;
        } else if (b == '.') {
            n = digits > 0 && !dot && grammar.fracDigits > 0
                    ? new NumberFrame(parent, grammar, negative, digits, integer, true, 0, 0) : null;
        } else if (b >= '0' && b <= '9') {
            int d = b - '0';
            if (!dot) {
                boolean leadingZero = digits > 0 && integer == 0;
                n = leadingZero || digits == grammar.intDigits ? null
                        : new NumberFrame(parent, grammar, negative, digits + 1, integer * 10 + d, false, 0, 0);
            } else {
                n = fraction == grammar.fracDigits ? null
                        : new NumberFrame(parent, grammar, negative, digits, integer, true, fraction + 1,
                        fractionValue * 10 + d);
            }
        } else {
            n = null;
        }
        return n != null && n.feasible() ? n : null;
    }

    private boolean isComplete() {
        if (digits == 0 || (dot && fraction == 0)) {
            return false;
        }
        long v = magnitudeLow();
        long signed = negative ? -v : v;
        return signed >= grammar.low && signed <= grammar.high;
    }

    /** The value so far as a magnitude in units (unwritten digits as zeros). */
    private long magnitudeLow() {
        return integer * grammar.scale + fractionValue * NumberGrammar.pow10(grammar.fracDigits - fraction);
    }

    /** Whether some completion of this prefix lies in the bounds. */
    private boolean feasible() {
        // Mirror negative numbers so the magnitude intervals below can be compared with positive bounds.
        long lo = negative ? -grammar.high : grammar.low;
        long hi = negative ? -grammar.low : grammar.high;
        if (digits == 0) {
            return overlaps(0, grammar.maxMagnitude(), lo, hi);
        }
        if (dot) {
            long unit = NumberGrammar.pow10(grammar.fracDigits - fraction);
            long from = magnitudeLow();
            return overlaps(from, from + unit - 1, lo, hi);
        }
        if (integer == 0) {
            return overlaps(0, grammar.scale - 1, lo, hi);
        }
        // Integer part N with more digits to come: N, N0..N9, N00..N99, ... each with any fraction.
        long from = integer;
        long to = integer + 1;
        for (int k = digits; k <= grammar.intDigits; k++) {
            if (overlaps(from * grammar.scale, to * grammar.scale - 1, lo, hi)) {
                return true;
            }
            from *= 10;
            to *= 10;
        }
        return false;
    }

    private static boolean overlaps(long a, long b, long lo, long hi) {
        return a <= hi && lo <= b;
    }

    @Override
    boolean acceptsEnd() {
        return isComplete() && parent.acceptsEnd();
    }

    /** Length of the completion found by trying the smallest digits first (every step stays feasible). */
    @Override
    int closingBytes() {
        if (isComplete()) {
            return 0;
        }
        for (byte b : COMPLETION_ORDER) {
            NumberFrame n = extend(b);
            if (n != null) {
                int rest = n.closingBytes();
                if (rest >= 0) {
                    return rest + 1;
                }
            }
        }
        return -1;
    }

    @Override
    Object key(int clamp) {
        return new Key(grammar, negative, digits, integer, dot, fraction, fractionValue);
    }
}
