package org.orgllm.inference.structured;

import java.util.Arrays;

/**
 * Computes the mask of a state by walking a vocabulary trie together with the automaton: a rejected
 * prefix prunes its whole subtree, so the cost follows the tokens that get somewhere, not the vocabulary
 * size. Inside free string content the content bitsets stand in for the tokens that cannot leave the
 * string, and only the tokens holding a quote or backslash are walked.
 */
final class MaskBuilder {

    private static final int[] NONE = new int[0];

    private final VocabularyIndex index;
    private final int[] eosIds;

    MaskBuilder(VocabularyIndex index, int[] eosIds) {
        this.index = index;
        this.eosIds = eosIds.clone();
    }

    TokenMask build(Frame state) {
        IntBuffer allowed = new IntBuffer();
        if (state.inFreeString() && state instanceof StringFrame string) {
            walk(index.quoting, state, allowed, -1);
            return new TokenMask(index.content(string.utf8State()), index.charsAtMost(string.room()),
                    allowed.toArray(), eosIds); // a document never ends inside a string
        }
        walk(index.all, state, allowed, -1);
        return withEos(state, allowed);
    }

    /**
     * The tokens that keep to a shortest way to the end: each of their bytes brings the end one byte
     * closer, so the document ends within {@link Frame#bytesToEnd()} tokens. Not cached (rarely used).
     */
    TokenMask buildClosing(Frame state) {
        IntBuffer allowed = new IntBuffer();
        walk(index.all, state, allowed, state.bytesToEnd());
        return withEos(state, allowed);
    }

    /** @param budget when {@code >= 0}, prune prefixes whose distance to the end does not shrink byte by byte */
    private static void walk(TokenTrie trie, Frame state, IntBuffer allowed, int budget) {
        Frame[] stack = new Frame[trie.maxDepth + 1];
        stack[0] = state;
        int size = trie.size();
        int i = 0;
        while (i < size) {
            int d = trie.depth[i];
            Frame s = stack[d - 1].step(trie.label[i] & 0xFF);
            if (s == null || (budget >= 0 && s.bytesToEnd() + d > budget)) {
                i = trie.next[i];
                continue;
            }
            stack[d] = s;
            for (int k = trie.tokensFrom[i], end = trie.tokensTo[i]; k >= 0 && k < end; k++) {
                allowed.add(trie.ids[k]);
            }
            i++;
        }
    }

    /**
     * End-of-sequence ids are allowed exactly when the document may end; an id that is also text (rare)
     * is banned before the end even if its bytes would fit.
     */
    private TokenMask withEos(Frame state, IntBuffer allowed) {
        if (!state.acceptsEnd()) {
            return new TokenMask(null, null, allowed.toArray(), eosIds);
        }
        for (int id : eosIds) {
            allowed.add(id);
        }
        return new TokenMask(null, null, allowed.toArray(), NONE);
    }

    /** A growable int list without boxing. */
    static final class IntBuffer {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
