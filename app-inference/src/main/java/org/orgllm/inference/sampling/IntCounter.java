package org.orgllm.inference.sampling;

/**
 * Open-addressing map from token id to occurrence count. It exists so that per-step penalties walk
 * the distinct tokens of a sequence without boxing or scanning the whole vocabulary.
 */
final class IntCounter {

    /** Receives one (token id, count) entry. */
    @FunctionalInterface
    interface EntryConsumer {
        void accept(int tokenId, int count);
    }

    private static final int EMPTY = -1;

    private int[] keys;
    private int[] counts;
    private int size;

    IntCounter() {
        keys = new int[16];
        counts = new int[16];
        java.util.Arrays.fill(keys, EMPTY);
    }

    /** Adds one occurrence of a non-negative id. */
    void increment(int id) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = slotOf(id, keys);
        if (keys[slot] == EMPTY) {
            keys[slot] = id;
            size++;
        }
        counts[slot]++;
    }

    int get(int id) {
        int slot = slotOf(id, keys);
        return keys[slot] == EMPTY ? 0 : counts[slot];
    }

    int size() {
        return size;
    }

    void forEach(EntryConsumer consumer) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                consumer.accept(keys[i], counts[i]);
            }
        }
    }

    private static int slotOf(int id, int[] table) {
        int mask = table.length - 1;
        int slot = (id * 0x9E3779B9) >>> 7 & mask;
        while (table[slot] != EMPTY && table[slot] != id) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new int[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        java.util.Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i], keys);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }
}
