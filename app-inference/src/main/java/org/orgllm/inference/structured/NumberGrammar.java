package org.orgllm.inference.structured;

/**
 * A bounded decimal number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} with at most {@code intDigits} integer
 * and {@code fracDigits} fraction digits (none for integers) and no exponent. Values are handled as
 * exact integers in units of {@code 10^-fracDigits}, so bounds checks have no rounding.
 */
final class NumberGrammar implements Grammar {

    final int intDigits;
    final int fracDigits;
    /** {@code 10^fracDigits}. */
    final long scale;
    /** Smallest and largest allowed value, in units of {@code 1/scale}. */
    final long low;
    final long high;
    private final int minBytes;

    NumberGrammar(int intDigits, int fracDigits, long low, long high) {
        this.intDigits = intDigits;
        this.fracDigits = fracDigits;
        this.scale = pow10(fracDigits);
        this.low = low;
        this.high = high;
        Frame start = NumberFrame.start(null, this);
        int shortest = start.closingBytes();
        if (shortest < 0) {
            throw new IllegalArgumentException("no number fits the bounds");
        }
        this.minBytes = shortest;
    }

    @Override
    public Frame begin(Frame after, int b) {
        return startsWith(b) ? NumberFrame.start(after, this).extend(b) : null;
    }

    @Override
    public boolean startsWith(int b) {
        return b == '-' || (b >= '0' && b <= '9');
    }

    @Override
    public int minBytes() {
        return minBytes;
    }

    @Override
    public long maxBytes() {
        return 1 + intDigits + (fracDigits > 0 ? 1 + fracDigits : 0);
    }

    /** The largest magnitude the digit limits can spell, in units. */
    long maxMagnitude() {
        return pow10(intDigits + fracDigits) - 1;
    }

    static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
