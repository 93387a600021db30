package org.orgllm.inference.structured;

import java.util.Arrays;

/**
 * A byte trie over token strings laid out in preorder: node {@code i} has a label byte, a depth and
 * {@code next[i]}, the first node after its subtree. A walk visits nodes in order and, when the automaton
 * rejects a node's byte, jumps to {@code next[i]}: the whole subtree is pruned without pointer chasing.
 */
final class TokenTrie {

    final byte[] label;
    final int[] depth;
    final int[] next;
    /** Per node, the first index in {@link #ids} of the tokens spelled by the path to it, or -1. */
    final int[] tokensFrom;
    /** Per node, one past the last such index. */
    final int[] tokensTo;
    /** Token ids sorted by their bytes. */
    final int[] ids;
    final int maxDepth;

    /** A trie of the given ids, whose bytes are taken from {@code bytes} (non-empty). */
    TokenTrie(int[] tokenIds, byte[][] bytes) {
        Integer[] order = Arrays.stream(tokenIds).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(bytes[a], bytes[b]));
        ids = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        int nodes = 0;
        byte[] previous = new byte[0];
        for (int id : ids) {
            byte[] b = bytes[id];
            nodes += b.length - commonPrefix(previous, b);
            previous = b;
        }
        label = new byte[nodes];
        depth = new int[nodes];
        tokensFrom = new int[nodes];
        tokensTo = new int[nodes];
        Arrays.fill(tokensFrom, -1);
        int n = 0;
        int deepest = 0;
        previous = null;
        for (int k = 0; k < ids.length; k++) {
            byte[] b = bytes[ids[k]];
            int common = previous == null ? 0 : commonPrefix(previous, b);
            if (previous != null && common == b.length && common == previous.length) {
                tokensTo[n - 1] = k + 1; // same bytes as the previous token: same node
                continue;
            }
            for (int d = common; d < b.length; d++) {
                label[n] = b[d];
                depth[n] = d + 1;
                n++;
            }
            tokensFrom[n - 1] = k;
            tokensTo[n - 1] = k + 1;
            deepest = Math.max(deepest, b.length);
            previous = b;
        }
        maxDepth = deepest;
        next = new int[nodes];
        // next[i] is the first later node that is not deeper: a stack of open nodes per depth finds it.
        int[] open = new int[deepest + 2];
        int top = 0;
        for (int i = 0; i < nodes; i++) {
            while (top > 0 && depth[open[top - 1]] >= depth[i]) {
                next[open[--top]] = i;
            }
            open[top++] = i;
        }
        while (top > 0) {
            next[open[--top]] = nodes;
        }
    }

    int size() {
        return label.length;
    }

    private static int commonPrefix(byte[] a, byte[] b) {
        int m = Arrays.mismatch(a, b);
        return m < 0 ? a.length : m;
    }
}
