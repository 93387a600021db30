package org.orgllm.inference.structured;

import java.util.ArrayList;
import java.util.List;

/**
 * An object whose properties appear in declaration order: every required one, any optional one, and no
 * others. Fixing the order keeps the key choice a small literal trie instead of a set of seen keys.
 */
final class ObjectGrammar implements Grammar {

    final int maxWhitespace;
    private final Grammar[] values;
    private final boolean[] required;
    private final byte[][] keys;
    /** Per next-candidate index, the first required property at or after it ({@code n} when none). */
    private final int[] firstRequired;
    /** Per next-candidate index, bytes to close after something was emitted: ",key:value" per required, "}". */
    private final int[] tail;
    /** Per next-candidate index, the keys that may come next, with their quotes. */
    private final LiteralTrie[] keyTries;

    /**
     * @param keys     each property's key as JSON text with its quotes, in declaration order
     * @param values   each property's value grammar
     * @param required which properties must appear
     */
    ObjectGrammar(List<byte[]> keys, List<Grammar> values, boolean[] required, int maxWhitespace) {
        int n = keys.size();
        this.keys = keys.toArray(byte[][]::new);
        this.values = values.toArray(Grammar[]::new);
        this.required = required.clone();
        this.maxWhitespace = maxWhitespace;
        firstRequired = new int[n + 1];
        tail = new int[n + 1];
        firstRequired[n] = n;
        tail[n] = 1;
        for (int i = n - 1; i >= 0; i--) {
            firstRequired[i] = required[i] ? i : firstRequired[i + 1];
            tail[i] = tail[i + 1] + (required[i] ? 1 + entryBytes(i) : 0);
        }
        keyTries = new LiteralTrie[n + 1];
        for (int i = 0; i <= n; i++) {
            List<byte[]> candidates = new ArrayList<>();
            int last = Math.min(firstRequired[i], n - 1);
            int[] props = new int[Math.max(0, last - i + 1)];
            int[] weights = new int[props.length];
            for (int p = i; p <= last; p++) {
                candidates.add(this.keys[p]);
                props[p - i] = p;
                weights[p - i] = 1 + this.values[p].minBytes() + tail[p + 1];
            }
            keyTries[i] = new LiteralTrie(candidates, props, weights);
        }
    }

    @Override
    public Frame begin(Frame after, int b) {
        return b == '{' ? ObjectFrame.open(after, this) : null;
    }

    @Override
    public boolean startsWith(int b) {
        return b == '{';
    }

    @Override
    public int minBytes() {
        return 1 + openClosingBytes();
    }

    @Override
    public long maxBytes() {
        long total = 2 + maxWhitespace;
        for (int p = 0; p < values.length; p++) {
            total += keys[p].length + 2 + values[p].maxBytes() + 4L * maxWhitespace;
        }
        return total;
    }

    int size() {
        return values.length;
    }

    Grammar value(int property) {
        return values[property];
    }

    LiteralTrie keysFrom(int next) {
        return keyTries[next];
    }

    /** Whether the object may close when the next candidate is {@code next}. */
    boolean mayClose(int next) {
        return firstRequired[next] == values.length;
    }

    /** Whether another property can follow when the next candidate is {@code next}. */
    boolean mayContinue(int next) {
        return next < values.length;
    }

    int tail(int next) {
        return tail[next];
    }

    /** Closing bytes right after the opening brace. */
    int openClosingBytes() {
        return mayClose(0) ? 1 : keyTries[0].minCost(LiteralTrie.ROOT);
    }

    private int entryBytes(int p) {
        return keys[p].length + 1 + values[p].minBytes();
    }
}
