package org.orgllm.inference.structured;

import java.util.ArrayList;
import java.util.List;

/**
 * One level of the automaton's stack: an immutable value, so that a trie walk can branch from any state
 * without copying. The top frame is the whole state, since it links to its parent: a frame's parent is
 * the state the parent returns to once this frame's value is complete.
 */
abstract class Frame {

    final Frame parent;

    Frame(Frame parent) {
        this.parent = parent;
    }

    /** The state after one more byte, or {@code null} when the byte cannot continue a valid document. */
    abstract Frame step(int b);

    /** Whether the document may end here. */
    boolean acceptsEnd() {
        return false;
    }

    /** Bytes this frame still needs on the shortest way to close, not counting its parents. */
    abstract int closingBytes();

    /**
     * The frame's part of the cache key; equal keys must step identically for every token.
     *
     * @param clamp the most characters any token holds: counters further than that from a bound can be
     *              clamped without changing which tokens are allowed
     */
    abstract Object key(int clamp);

    /** Whether this is free string content outside an escape, where the precomputed content masks apply. */
    boolean inFreeString() {
        return false;
    }

    /** The state after all the bytes, or {@code null}. */
    final Frame stepAll(byte[] bytes) {
        Frame state = this;
        for (int i = 0; i < bytes.length && state != null; i++) {
            state = state.step(bytes[i] & 0xFF);
        }
        return state;
    }

    /** Bytes on the shortest way to end the document from here. */
    final int bytesToEnd() {
        int total = 0;
        for (Frame f = this; f != null; f = f.parent) {
            total += f.closingBytes();
        }
        return total;
    }

    /** The whole stack's cache key. */
    final Object stackKey(int clamp) {
        List<Object> keys = new ArrayList<>(8);
        for (Frame f = this; f != null; f = f.parent) {
            keys.add(f.key(clamp));
        }
        return keys;
    }
}
