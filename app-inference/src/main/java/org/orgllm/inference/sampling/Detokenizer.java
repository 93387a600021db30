package org.orgllm.inference.sampling;

/**
 * Turns token ids into text, so that the real tokenizer plugs into {@link StreamDecoder}. A byte-level
 * BPE returns U+FFFD for a trailing incomplete UTF-8 sequence; the stream decoder relies on that.
 */
@FunctionalInterface
public interface Detokenizer {

    /** Decodes the ids, in order, to text. */
    String decode(int[] ids);
}
