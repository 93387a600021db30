package org.orgllm.inference.structured;

import java.util.List;

/** One of a fixed set of JSON texts: {@code enum}, {@code const}, booleans and {@code null}. */
final class LiteralGrammar implements Grammar {

    final LiteralTrie trie;

    /** @param literals the JSON texts (strings with their quotes and escapes) */
    LiteralGrammar(List<byte[]> literals) {
        int[] values = new int[literals.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        trie = new LiteralTrie(literals, values, new int[literals.size()]);
    }

    @Override
    public Frame begin(Frame after, int b) {
        return LiteralFrame.advance(after, this, LiteralTrie.ROOT, b);
    }

    @Override
    public boolean startsWith(int b) {
        return trie.child(LiteralTrie.ROOT, b) >= 0;
    }

    @Override
    public int minBytes() {
        return trie.minCost(LiteralTrie.ROOT);
    }

    @Override
    public long maxBytes() {
        return trie.longest();
    }
}
