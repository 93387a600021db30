package org.orgllm.inference.structured;

/** Inside an array: items so far and whether an item or a separator comes next. */
final class ArrayFrame extends Frame {

    private enum Phase { OPEN, AFTER_VALUE, AFTER_COMMA }

    private record Key(ArrayGrammar grammar, Phase phase, int count, int whitespace) {
    }

    private final ArrayGrammar grammar;
    private final Phase phase;
    /** Items started so far (an item in progress counts). */
    private final int count;
    private final int whitespace;

    private ArrayFrame(Frame parent, ArrayGrammar grammar, Phase phase, int count, int whitespace) {
        super(parent);
        this.grammar = grammar;
        this.phase = phase;
        this.count = count;
        this.whitespace = whitespace;
    }

    static ArrayFrame open(Frame after, ArrayGrammar grammar) {
        return new ArrayFrame(after, grammar, Phase.OPEN, 0, 0);
    }

    @Override
    Frame step(int b) {
        if (Grammar.isWhitespace(b)) {
            return whitespace < grammar.maxWhitespace
                    ? new ArrayFrame(parent, grammar, phase, count, whitespace + 1)
                    : null;
        }
        return switch (phase) {
            case OPEN -> b == ']' ? (grammar.minItems == 0 ? parent : null)
                    : grammar.maxItems > 0 ? item(b) : null;
            case AFTER_COMMA -> item(b);
            case AFTER_VALUE -> switch (b) {
                case ',' -> count < grammar.maxItems ? new ArrayFrame(parent, grammar, Phase.AFTER_COMMA, count, 0) : null;
                case ']' -> count >= grammar.minItems ? parent : null;
                default -> null;
            };
        };
    }

    private Frame item(int b) {
        return grammar.items.begin(new ArrayFrame(parent, grammar, Phase.AFTER_VALUE, count + 1, 0), b);
    }

    @Override
    int closingBytes() {
        return switch (phase) {
            case OPEN -> grammar.closingBytes(0, false);
            case AFTER_VALUE -> grammar.closingBytes(count, false);
            case AFTER_COMMA -> grammar.closingBytes(count, true);
        };
    }

    @Override
    Object key(int clamp) {
        return new Key(grammar, phase, count, whitespace);
    }
}
