package org.orgllm.inference.structured;

/**
 * An object whose keys are free strings and whose values all follow one schema: {@code
 * additionalProperties: <schema>} without declared properties, and — with a free-form value — a plain
 * {@code {"type": "object"}} or OpenAI's {@code response_format: json_object}. At most {@code
 * maxProperties} entries, so that the document stays bounded; duplicate keys are not prevented (JSON
 * parsers accept them, the last one wins).
 */
final class MapGrammar implements Grammar {

    final StringGrammar keys;
    final Grammar values;
    final int maxProperties;
    final int maxWhitespace;

    MapGrammar(StringGrammar keys, Grammar values, int maxProperties, int maxWhitespace) {
        if (maxProperties < 0) {
            throw new IllegalArgumentException("maxProperties must be >= 0");
        }
        this.keys = keys;
        this.values = values;
        this.maxProperties = maxProperties;
        this.maxWhitespace = maxWhitespace;
    }

    @Override
    public Frame begin(Frame after, int b) {
        return b == '{' ? MapFrame.open(after, this) : null;
    }

    @Override
    public boolean startsWith(int b) {
        return b == '{';
    }

    @Override
    public int minBytes() {
        return 2;
    }

    @Override
    public long maxBytes() {
        return 2 + maxWhitespace + (long) maxProperties * (keys.maxBytes() + 2 + values.maxBytes() + 4L * maxWhitespace);
    }

    /** Bytes of the shortest entry with its colon: {@code "":v}. */
    int entryBytes() {
        return keys.minBytes() + 1 + values.minBytes();
    }
}
