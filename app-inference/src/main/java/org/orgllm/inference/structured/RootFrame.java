package org.orgllm.inference.structured;

/** The bottom of the stack: optional leading whitespace, then one value, then the end. */
final class RootFrame extends Frame {

    private final Grammar value;
    private final int maxWhitespace;
    private final int whitespace;
    private final boolean done;

    RootFrame(Grammar value, int maxWhitespace) {
        this(value, maxWhitespace, 0, false);
    }

    private RootFrame(Grammar value, int maxWhitespace, int whitespace, boolean done) {
        super(null);
        this.value = value;
        this.maxWhitespace = maxWhitespace;
        this.whitespace = whitespace;
        this.done = done;
    }

    @Override
    Frame step(int b) {
        if (done) {
            return null; // no trailing whitespace: once the value is closed, only end-of-sequence remains
        }
        if (Grammar.isWhitespace(b)) {
            return whitespace < maxWhitespace ? new RootFrame(value, maxWhitespace, whitespace + 1, false) : null;
        }
        return value.begin(new RootFrame(value, maxWhitespace, 0, true), b);
    }

    @Override
    boolean acceptsEnd() {
        return done;
    }

    @Override
    int closingBytes() {
        return done ? 0 : value.minBytes();
    }

    @Override
    Object key(int clamp) {
        return done ? Boolean.TRUE : Integer.valueOf(whitespace);
    }
}
