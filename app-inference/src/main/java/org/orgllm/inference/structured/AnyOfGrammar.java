package org.orgllm.inference.structured;

import java.util.List;

/**
 * One of several alternatives that no first byte shares (say a string or {@code null}), so the first
 * byte picks the branch and the automaton stays deterministic.
 */
final class AnyOfGrammar implements Grammar {

    private final Grammar[] alternatives;

    AnyOfGrammar(List<Grammar> alternatives) {
        this.alternatives = alternatives.toArray(Grammar[]::new);
        for (int b = 0; b < 256; b++) {
            int starting = 0;
            for (Grammar g : this.alternatives) {
                starting += g.startsWith(b) ? 1 : 0;
            }
            if (starting > 1) {
                throw new IllegalArgumentException("anyOf/oneOf alternatives must start differently (different JSON "
                        + "types or enum values); several can start with '" + (char) b + "'");
            }
        }
    }

    @Override
    public Frame begin(Frame after, int b) {
        for (Grammar g : alternatives) {
            if (g.startsWith(b)) {
                return g.begin(after, b);
            }
        }
        return null;
    }

    @Override
    public boolean startsWith(int b) {
        for (Grammar g : alternatives) {
            if (g.startsWith(b)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int minBytes() {
        int min = Integer.MAX_VALUE;
        for (Grammar g : alternatives) {
            min = Math.min(min, g.minBytes());
        }
        return min;
    }

    @Override
    public long maxBytes() {
        long max = 0;
        for (Grammar g : alternatives) {
            max = Math.max(max, g.maxBytes());
        }
        return max;
    }
}
