package org.orgllm.inference.structured;

/** Inside an object: where we are between braces, which property is current, whitespace so far. */
final class ObjectFrame extends Frame {

    private enum Phase { OPEN, KEY, AFTER_KEY, AFTER_COLON, AFTER_VALUE, AFTER_COMMA }

    private record Key(ObjectGrammar grammar, Phase phase, int next, int property, int keyNode, int whitespace) {
    }

    private final ObjectGrammar grammar;
    private final Phase phase;
    /** The first property that may come next. */
    private final int next;
    /** The property whose key or value is being read, or -1. */
    private final int property;
    /** Position in the key trie while reading a key. */
    private final int keyNode;
    private final int whitespace;

    private ObjectFrame(Frame parent, ObjectGrammar grammar, Phase phase, int next, int property, int keyNode,
                        int whitespace) {
        super(parent);
        this.grammar = grammar;
        this.phase = phase;
        this.next = next;
        this.property = property;
        this.keyNode = keyNode;
        this.whitespace = whitespace;
    }

    static ObjectFrame open(Frame after, ObjectGrammar grammar) {
        return new ObjectFrame(after, grammar, Phase.OPEN, 0, -1, 0, 0);
    }

    private ObjectFrame to(Phase p, int nextProperty, int currentProperty, int node) {
        return new ObjectFrame(parent, grammar, p, nextProperty, currentProperty, node, 0);
    }

    @Override
    Frame step(int b) {
        if (phase != Phase.KEY && Grammar.isWhitespace(b)) {
            return whitespace < grammar.maxWhitespace
                    ? new ObjectFrame(parent, grammar, phase, next, property, keyNode, whitespace + 1)
                    : null;
        }
        return switch (phase) {
            case OPEN -> b == '}' ? (grammar.mayClose(0) ? parent : null) : startKey(b);
            case AFTER_COMMA -> startKey(b);
            case KEY -> readKey(b);
            case AFTER_KEY -> b == ':' ? to(Phase.AFTER_COLON, next, property, 0) : null;
            case AFTER_COLON -> grammar.value(property).begin(to(Phase.AFTER_VALUE, property + 1, property, 0), b);
            case AFTER_VALUE -> switch (b) {
                case ',' -> grammar.mayContinue(next) ? to(Phase.AFTER_COMMA, next, -1, 0) : null;
                case '}' -> grammar.mayClose(next) ? parent : null;
                default -> null;
            };
        };
    }

    private Frame startKey(int b) {
        int node = grammar.keysFrom(next).child(LiteralTrie.ROOT, b);
        return node < 0 ? null : to(Phase.KEY, next, -1, node);
    }

    private Frame readKey(int b) {
        LiteralTrie keys = grammar.keysFrom(next);
        int node = keys.child(keyNode, b);
        if (node < 0) {
            return null;
        }
        int p = keys.value(node);
        // Keys end with their closing quote, so a complete key is always a leaf.
        return p >= 0 ? to(Phase.AFTER_KEY, next, p, 0) : to(Phase.KEY, next, -1, node);
    }

    @Override
    int closingBytes() {
        return switch (phase) {
            case OPEN -> grammar.openClosingBytes();
            case AFTER_COMMA -> grammar.keysFrom(next).minCost(LiteralTrie.ROOT);
            case KEY -> grammar.keysFrom(next).minCost(keyNode);
            case AFTER_KEY -> 1 + grammar.value(property).minBytes() + grammar.tail(property + 1);
            case AFTER_COLON -> grammar.value(property).minBytes() + grammar.tail(property + 1);
            case AFTER_VALUE -> grammar.tail(next);
        };
    }

    @Override
    Object key(int clamp) {
        return new Key(grammar, phase, next, property, keyNode, whitespace);
    }
}
