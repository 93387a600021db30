package org.orgllm.inference.structured;

/**
 * Inside a {@link MapGrammar} object. A key is read by a {@link StringFrame} whose parent is this
 * frame in phase {@code AFTER_KEY}; a value by its grammar's frame whose parent is this frame in phase
 * {@code AFTER_VALUE}.
 */
final class MapFrame extends Frame {

    private enum Phase { OPEN, AFTER_KEY, AFTER_COLON, AFTER_VALUE, AFTER_COMMA }

    /** Only whether another entry fits matters to the masks, not the exact count. */
    private record Key(MapGrammar grammar, Phase phase, boolean full, int whitespace) {
    }

    private final MapGrammar grammar;
    private final Phase phase;
    /** Entries started so far (an entry in progress counts). */
    private final int count;
    private final int whitespace;

    private MapFrame(Frame parent, MapGrammar grammar, Phase phase, int count, int whitespace) {
        super(parent);
        this.grammar = grammar;
        this.phase = phase;
        this.count = count;
        this.whitespace = whitespace;
    }

    static MapFrame open(Frame after, MapGrammar grammar) {
        return new MapFrame(after, grammar, Phase.OPEN, 0, 0);
    }

    private MapFrame to(Phase p, int newCount) {
        return new MapFrame(parent, grammar, p, newCount, 0);
    }

    @Override
    Frame step(int b) {
        if (Grammar.isWhitespace(b)) {
            return whitespace < grammar.maxWhitespace
                    ? new MapFrame(parent, grammar, phase, count, whitespace + 1)
                    : null;
        }
        return switch (phase) {
            case OPEN -> b == '}' ? parent : count < grammar.maxProperties ? startKey(b) : null;
            case AFTER_COMMA -> startKey(b);
            case AFTER_KEY -> b == ':' ? to(Phase.AFTER_COLON, count) : null;
            case AFTER_COLON -> grammar.values.begin(to(Phase.AFTER_VALUE, count), b);
            case AFTER_VALUE -> switch (b) {
                case ',' -> count < grammar.maxProperties ? to(Phase.AFTER_COMMA, count) : null;
                case '}' -> parent;
                default -> null;
            };
        };
    }

    private Frame startKey(int b) {
        return grammar.keys.begin(to(Phase.AFTER_KEY, count + 1), b);
    }

    @Override
    int closingBytes() {
        return switch (phase) {
            case OPEN, AFTER_VALUE -> 1;
            case AFTER_KEY -> 1 + grammar.values.minBytes() + 1;
            case AFTER_COLON -> grammar.values.minBytes() + 1;
            case AFTER_COMMA -> grammar.entryBytes() + 1;
        };
    }

    @Override
    Object key(int clamp) {
        return new Key(grammar, phase, count >= grammar.maxProperties, whitespace);
    }
}
