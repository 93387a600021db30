package org.orgllm.inference.structured;

/**
 * One compiled schema node: how a JSON value of that schema starts, and the bounds on its length that
 * completion estimates and termination rely on.
 */
sealed interface Grammar permits ObjectGrammar, MapGrammar, ArrayGrammar, StringGrammar, NumberGrammar, LiteralGrammar,
        AnyOfGrammar {

    /**
     * Consumes the first byte of a value.
     *
     * @param after the parent's state once this value is complete
     * @return the new top of the stack, or {@code null} when no value of this schema starts with {@code b}
     */
    Frame begin(Frame after, int b);

    /** Whether a value of this schema can start with the byte. */
    boolean startsWith(int b);

    /** Bytes of the shortest value. */
    int minBytes();

    /** Bytes of the longest value. */
    long maxBytes();

    /** JSON whitespace. */
    static boolean isWhitespace(int b) {
        return b == ' ' || b == '\n' || b == '\t' || b == '\r';
    }
}
