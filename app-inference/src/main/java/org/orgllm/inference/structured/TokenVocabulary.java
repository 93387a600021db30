package org.orgllm.inference.structured;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

/**
 * The exact bytes each token id contributes to the decoded output, and which ids are special (added
 * tokens such as {@code <|im_end|>}, never allowed inside JSON). Ids without an entry have no bytes and
 * are never allowed either.
 *
 * <p>Build it once per tokenizer and share it: it is immutable and thread-safe, and the trie and bitsets
 * that constrained decoding derives from it are computed on first use and kept here.
 */
public final class TokenVocabulary {

    private final byte[][] bytes;
    private final BitSet special;
    private volatile VocabularyIndex index;

    private TokenVocabulary(byte[][] bytes, BitSet special) {
        this.bytes = bytes;
        this.special = special;
    }

    /**
     * A vocabulary from explicit token bytes.
     *
     * @param tokenBytes the output bytes per id; {@code null} for ids that are never produced
     * @param specialIds ids that are special (control tokens); their bytes, if any, are informative only
     */
    public static TokenVocabulary of(List<byte[]> tokenBytes, BitSet specialIds) {
        byte[][] copy = new byte[tokenBytes.size()][];
        for (int id = 0; id < copy.length; id++) {
            byte[] b = tokenBytes.get(id);
            copy[id] = b == null ? null : b.clone();
        }
        return new TokenVocabulary(copy, (BitSet) specialIds.clone());
    }

    /**
     * Reads a Hugging Face {@code tokenizer.json}: byte-level BPE (GPT-2, Qwen, Llama 3) or
     * SentencePiece-style vocabularies ({@code ▁} for space, {@code <0xNN>} byte-fallback tokens, as in
     * Llama 2 and Mistral), detected from the decoder and model sections. Added tokens are special.
     *
     * @throws IllegalArgumentException for tokenizers of another kind (WordPiece, for instance)
     */
    public static TokenVocabulary fromTokenizerJson(Path tokenizerJson) throws IOException {
        try (InputStream in = Files.newInputStream(tokenizerJson)) {
            return fromTokenizerJson(in);
        }
    }

    /** As {@link #fromTokenizerJson(Path)}, from a stream that the caller closes. */
    public static TokenVocabulary fromTokenizerJson(InputStream tokenizerJson) throws IOException {
        TokenizerJsonReader.Result r = TokenizerJsonReader.read(tokenizerJson);
        return new TokenVocabulary(r.bytes(), r.special());
    }

    /** One past the largest id known to the tokenizer; logits may be longer (padded LM heads). */
    public int size() {
        return bytes.length;
    }

    /** The output bytes of an id, or {@code null} when it has none; a copy. */
    public byte[] bytes(int id) {
        byte[] b = id >= 0 && id < bytes.length ? bytes[id] : null;
        return b == null ? null : b.clone();
    }

    /** Whether the id is a special (added or control) token. */
    public boolean isSpecial(int id) {
        return special.get(id);
    }

    /** The concatenated output bytes of a token sequence, special tokens included as written. */
    public byte[] decode(int... ids) {
        int length = 0;
        for (int id : ids) {
            length += raw(id).length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (int id : ids) {
            byte[] b = raw(id);
            System.arraycopy(b, 0, out, at, b.length);
            at += b.length;
        }
        return out;
    }

    /** The shared, unmodified bytes of an id (empty when none); callers must not write to them. */
    byte[] raw(int id) {
        byte[] b = id >= 0 && id < bytes.length ? bytes[id] : null;
        return b == null ? new byte[0] : b;
    }

    /** Whether the id may appear inside JSON text: it has bytes and is not special. */
    boolean isText(int id) {
        return id >= 0 && id < bytes.length && bytes[id] != null && bytes[id].length > 0 && !special.get(id);
    }

    /** The tries and bitsets for masking, built on first use. */
    VocabularyIndex index() {
        VocabularyIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = new VocabularyIndex(this);
                    index = i;
                }
            }
        }
        return i;
    }

    @Override
    public String toString() {
        return "TokenVocabulary[size=" + bytes.length + ", special=" + special.cardinality() + "]";
    }
}
