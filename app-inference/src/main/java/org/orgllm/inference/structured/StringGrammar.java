package org.orgllm.inference.structured;

/** A free-text string of {@code minLength} to {@code maxLength} characters (code points). */
final class StringGrammar implements Grammar {

    final int minLength;
    final int maxLength;

    StringGrammar(int minLength, int maxLength) {
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    @Override
    public Frame begin(Frame after, int b) {
        return b == '"' ? StringFrame.open(after, this) : null;
    }

    @Override
    public boolean startsWith(int b) {
        return b == '"';
    }

    @Override
    public int minBytes() {
        return 2 + minLength;
    }

    @Override
    public long maxBytes() {
        return 2 + 6L * maxLength; // \\uXXXX is the longest spelling of one character
    }
}
