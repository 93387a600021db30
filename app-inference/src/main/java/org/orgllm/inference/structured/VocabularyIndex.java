package org.orgllm.inference.structured;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * What masking needs from a vocabulary, independent of any schema: a trie of all text tokens, a trie of
 * the tokens that can leave a JSON string (they hold {@code "} or {@code \}), and bitsets of the tokens
 * that stay inside free string content from each UTF-8 state.
 */
final class VocabularyIndex {

    final int size;
    final TokenTrie all;
    final TokenTrie quoting;
    /** Per id, the characters (UTF-8 lead or ASCII bytes) it contributes; 0 for non-text ids. */
    final int[] chars;
    /** The most characters of any token: string budgets beyond it mask alike. */
    final int maxChars;
    /** Per UTF-8 state, the tokens made only of string-content bytes that are valid UTF-8 from it. */
    private final long[][] content;
    private final AtomicReferenceArray<long[]> charsAtMost;

    VocabularyIndex(TokenVocabulary vocabulary) {
        size = vocabulary.size();
        byte[][] bytes = new byte[size][];
        chars = new int[size];
        content = new long[Utf8.STATES][words(size)];
        int most = 0;
        for (int id = 0; id < size; id++) {
            if (!vocabulary.isText(id)) {
                continue;
            }
            byte[] b = vocabulary.raw(id);
            bytes[id] = b;
            int c = 0;
            boolean plain = true;
            for (byte x : b) {
                int u = x & 0xFF;
                c += Utf8.startsCharacter(u) ? 1 : 0;
                plain &= u >= 0x20 && u != '"' && u != '\\';
            }
            chars[id] = c;
            most = Math.max(most, c);
            if (plain) {
                for (int state = 0; state < Utf8.STATES; state++) {
                    if (validFrom(state, b)) {
                        content[state][id >>> 6] |= 1L << id;
                    }
                }
            }
        }
        maxChars = most;
        int[] text = IntStream.range(0, size).filter(id -> bytes[id] != null).toArray();
        all = new TokenTrie(text, bytes);
        quoting = new TokenTrie(IntStream.of(text).filter(id -> leavesString(bytes[id])).toArray(), bytes);
        charsAtMost = new AtomicReferenceArray<>(most + 1);
    }

    /** Tokens of pure string content valid from the UTF-8 state (shared; do not modify). */
    long[] content(int utf8State) {
        return content[utf8State];
    }

    /** Tokens of at most {@code n} characters, or {@code null} when that is every token. */
    long[] charsAtMost(int n) {
        if (n >= maxChars) {
            return null;
        }
        long[] set = charsAtMost.get(n);
        if (set == null) {
            set = new long[words(size)];
            for (int id = 0; id < size; id++) {
                if (chars[id] <= n) {
                    set[id >>> 6] |= 1L << id;
                }
            }
            charsAtMost.compareAndSet(n, null, set);
        }
        return set;
    }

    static int words(int bits) {
        return (bits + 63) >>> 6;
    }

    private static boolean validFrom(int state, byte[] b) {
        for (byte x : b) {
            state = Utf8.next(state, x & 0xFF);
            if (state < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean leavesString(byte[] b) {
        for (byte x : b) {
            if (x == '"' || x == '\\') {
                return true;
            }
        }
        return false;
    }
}
