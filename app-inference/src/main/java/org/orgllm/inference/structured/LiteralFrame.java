package org.orgllm.inference.structured;

/**
 * Part way through a literal. When a complete literal is also the prefix of a longer one (enum
 * {@code [1, 12]}), the next byte decides: a byte of the longer literal continues it, anything else ends
 * the value and goes to the parent; no JSON separator can continue a literal, so this is unambiguous.
 */
final class LiteralFrame extends Frame {

    private record Key(LiteralGrammar grammar, int node) {
    }

    private final LiteralGrammar grammar;
    private final int node;

    private LiteralFrame(Frame parent, LiteralGrammar grammar, int node) {
        super(parent);
        this.grammar = grammar;
        this.node = node;
    }

    /** The state after byte {@code b} from trie node {@code node}, popping at once when nothing can follow. */
    static Frame advance(Frame after, LiteralGrammar grammar, int node, int b) {
        int child = grammar.trie.child(node, b);
        if (child < 0) {
            return null;
        }
        boolean finished = grammar.trie.value(child) >= 0 && !grammar.trie.hasChildren(child);
        return finished ? after : new LiteralFrame(after, grammar, child);
    }

    @Override
    Frame step(int b) {
        Frame continued = advance(parent, grammar, node, b);
        if (continued != null) {
            return continued;
        }
        return grammar.trie.value(node) >= 0 ? parent.step(b) : null;
    }

    @Override
    boolean acceptsEnd() {
        return grammar.trie.value(node) >= 0 && parent.acceptsEnd();
    }

    @Override
    int closingBytes() {
        return grammar.trie.minCost(node);
    }

    @Override
    Object key(int clamp) {
        return new Key(grammar, node);
    }
}
