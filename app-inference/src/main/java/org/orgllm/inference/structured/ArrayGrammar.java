package org.orgllm.inference.structured;

/** An array of one item schema with between {@code minItems} and {@code maxItems} items. */
final class ArrayGrammar implements Grammar {

    final Grammar items;
    final int minItems;
    final int maxItems;
    final int maxWhitespace;

    ArrayGrammar(Grammar items, int minItems, int maxItems, int maxWhitespace) {
        this.items = items;
        this.minItems = minItems;
        this.maxItems = maxItems;
        this.maxWhitespace = maxWhitespace;
    }

    @Override
    public Frame begin(Frame after, int b) {
        return b == '[' ? ArrayFrame.open(after, this) : null;
    }

    @Override
    public boolean startsWith(int b) {
        return b == '[';
    }

    @Override
    public int minBytes() {
        return 1 + closingBytes(0, false);
    }

    @Override
    public long maxBytes() {
        return 2 + maxWhitespace + (long) maxItems * (items.maxBytes() + 1 + 2L * maxWhitespace);
    }

    /**
     * Bytes to close after {@code count} items: the missing items with their commas, then the bracket.
     *
     * @param needItem whether a comma was just read, so one more item is owed anyway
     */
    int closingBytes(int count, boolean needItem) {
        int missing = Math.max(minItems - count, needItem ? 1 : 0);
        int commas = count == 0 && !needItem ? Math.max(0, missing - 1) : needItem ? missing - 1 : missing;
        return missing * items.minBytes() + commas + 1;
    }
}
