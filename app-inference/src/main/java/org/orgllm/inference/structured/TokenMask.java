package org.orgllm.inference.structured;

import java.util.Arrays;

/**
 * The allowed ids of one automaton state: the intersection of up to two shared bitsets (free string
 * content, token length) plus a sorted list of extra ids found by the trie walk. Sharing the big bitsets
 * keeps cached masks small.
 */
final class TokenMask {

    private final long[] base;
    private final long[] limit;
    private final int[] extra;
    private final int[] banned;

    /**
     * @param base   allowed ids as a bitset, or {@code null} when only {@code extra} is allowed
     * @param limit  a bitset intersected with {@code base}, or {@code null}
     * @param extra  further allowed ids
     * @param banned ids disallowed whatever the rest says (end-of-sequence ids that are also text)
     */
    TokenMask(long[] base, long[] limit, int[] extra, int[] banned) {
        this.base = base;
        this.limit = limit;
        this.banned = banned.clone();
        this.extra = Arrays.stream(extra).filter(id -> !contains(banned, id)).sorted().toArray();
    }

    boolean allows(int id) {
        return !contains(banned, id) && (Arrays.binarySearch(extra, id) >= 0 || inBase(id));
    }

    /** Sets every disallowed logit to {@code -inf}. */
    void apply(float[] logits) {
        float[] kept = new float[extra.length];
        for (int i = 0; i < extra.length; i++) {
            kept[i] = extra[i] < logits.length ? logits[extra[i]] : 0;
        }
        if (base == null) {
            Arrays.fill(logits, Float.NEGATIVE_INFINITY);
        } else {
            for (int w = 0, words = VocabularyIndex.words(logits.length); w < words; w++) {
                long allowed = w < base.length ? base[w] & (limit == null ? -1L : limit[w]) : 0;
                long banned = ~allowed;
                while (banned != 0) {
                    int id = (w << 6) + Long.numberOfTrailingZeros(banned);
                    if (id >= logits.length) {
                        break;
                    }
                    logits[id] = Float.NEGATIVE_INFINITY;
                    banned &= banned - 1;
                }
            }
        }
        for (int i = 0; i < extra.length; i++) {
            if (extra[i] < logits.length) {
                logits[extra[i]] = kept[i];
            }
        }
        for (int id : banned) {
            if (id < logits.length) {
                logits[id] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    /** How many of the first {@code size} ids are allowed. */
    int count(int size) {
        int n = 0;
        for (int id = 0; id < size; id++) {
            n += allows(id) ? 1 : 0;
        }
        return n;
    }

    private static boolean contains(int[] ids, int id) {
        for (int x : ids) {
            if (x == id) {
                return true;
            }
        }
        return false;
    }

    private boolean inBase(int id) {
        int w = id >>> 6;
        return base != null && w < base.length && (base[w] & (limit == null ? -1L : limit[w]) & (1L << id)) != 0;
    }
}
