package org.orgllm.inference.structured;

/**
 * Bounds that the schema leaves open but constrained decoding must close, so that even a model that
 * never wants to stop produces a finite document.
 *
 * @param defaultMaxStringLength characters of a string without {@code maxLength}
 * @param defaultMaxItems        items of an array without {@code maxItems}
 * @param maxWhitespaceRun       whitespace bytes allowed in a row between tokens of JSON syntax (0 = compact)
 * @param maxIntegerDigits       integer digits of a number whose bounds do not limit them
 * @param maxFractionDigits      digits after the decimal point of a {@code number}
 * @param maxNestingDepth        containers nested inside a free-form value (an object or array whose
 *                               schema does not say what it holds, e.g. {@code json_object}); at the
 *                               deepest level only scalars
 */
public record ConstraintOptions(
        int defaultMaxStringLength,
        int defaultMaxItems,
        int maxWhitespaceRun,
        int maxIntegerDigits,
        int maxFractionDigits,
        int maxNestingDepth) {

    /** Validates the bounds. */
    public ConstraintOptions {
        require(defaultMaxStringLength >= 1, "defaultMaxStringLength must be >= 1");
        require(defaultMaxItems >= 1, "defaultMaxItems must be >= 1");
        require(maxWhitespaceRun >= 0 && maxWhitespaceRun <= 64, "maxWhitespaceRun must be in [0, 64]");
        require(maxIntegerDigits >= 1 && maxFractionDigits >= 0 && maxIntegerDigits + maxFractionDigits <= 18,
                "need maxIntegerDigits >= 1, maxFractionDigits >= 0 and at most 18 digits in all");
        require(maxNestingDepth >= 0 && maxNestingDepth <= 16, "maxNestingDepth must be in [0, 16]");
    }

    /**
     * Strings up to 1,000 characters, arrays up to 20 items, runs of up to 8 whitespace bytes (room for
     * pretty-printed nesting), 12 integer and 6 fraction digits, free-form values nested 3 deep.
     */
    public static ConstraintOptions defaults() {
        return new ConstraintOptions(1000, 20, 8, 12, 6, 3);
    }

    public ConstraintOptions withDefaultMaxStringLength(int n) {
        return new ConstraintOptions(n, defaultMaxItems, maxWhitespaceRun, maxIntegerDigits,
                maxFractionDigits, maxNestingDepth);
    }

    public ConstraintOptions withDefaultMaxItems(int n) {
        return new ConstraintOptions(defaultMaxStringLength, n, maxWhitespaceRun, maxIntegerDigits,
                maxFractionDigits, maxNestingDepth);
    }

    public ConstraintOptions withMaxWhitespaceRun(int n) {
        return new ConstraintOptions(defaultMaxStringLength, defaultMaxItems, n, maxIntegerDigits,
                maxFractionDigits, maxNestingDepth);
    }

    public ConstraintOptions withMaxIntegerDigits(int n) {
        return new ConstraintOptions(defaultMaxStringLength, defaultMaxItems, maxWhitespaceRun, n,
                maxFractionDigits, maxNestingDepth);
    }

    public ConstraintOptions withMaxFractionDigits(int n) {
        return new ConstraintOptions(defaultMaxStringLength, defaultMaxItems, maxWhitespaceRun, maxIntegerDigits,
                n, maxNestingDepth);
    }

    public ConstraintOptions withMaxNestingDepth(int n) {
        return new ConstraintOptions(defaultMaxStringLength, defaultMaxItems, maxWhitespaceRun, maxIntegerDigits,
                maxFractionDigits, n);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
