package org.orgllm.inference.sampling;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Incremental detokenizer: fed generated ids one at a time, it releases text such that the
 * concatenation of all releases equals the decode of all ids, and no release ends inside a UTF-8
 * character (a byte-level BPE decodes an incomplete one to U+FFFD) or inside an extended grapheme
 * cluster (👍🏽, 👨‍👩‍👧, e + U+0301, 🇩🇪): the trailing cluster is held back until a later token shows it
 * complete, or the stream ends.
 *
 * <p>Each step re-decodes a short window, not the whole sequence, in the manner of
 * text-generation-inference's {@code decode_token}: the window starts one segment before the last
 * clean point (an "anchor" where the text had no trailing U+FFFD), and the text of that leading segment,
 * decoded on its own, is the reference that gets stripped off. The leading segment gives decoders that
 * treat the first token specially (Metaspace's leading space) the same context as a full decode. A
 * window that no longer starts with its reference falls back to a full decode; {@link #finish()} does
 * one full decode so the final text is exactly the tokenizer's.
 */
public final class StreamDecoder {

    private static final char REPLACEMENT = '\uFFFD';

    private final Detokenizer detokenizer;
    private final BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
    private final StringBuilder text = new StringBuilder();
    private int[] ids = new int[64];
    private int size;
    private int windowStart;
    private int anchor;
    private String anchorReference = "";
    private int anchorChars;
    private int stable;
    private int released;
    private boolean finished;

    public StreamDecoder(Detokenizer detokenizer) {
        this.detokenizer = Objects.requireNonNull(detokenizer, "detokenizer");
    }

    /** Adds a token and returns the text that became safe to stream (possibly empty). */
    public String push(int tokenId) {
        append(tokenId);
        return release();
    }

    /** Ends the stream and returns all text not yet returned by {@link #push(int)}. */
    public String flush() {
        finish();
        return release();
    }

    /** Adds a token without releasing text; {@link #stableLength()} tells how much is safe. */
    public void append(int tokenId) {
        if (finished) {
            throw new IllegalStateException("the stream has finished");
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = tokenId;
        String window = decode(windowStart, size);
        if (window.startsWith(anchorReference)) {
            text.setLength(anchorChars);
            text.append(window, anchorReference.length(), window.length());
        } else {
            window = decode(0, size);
            text.setLength(0);
            text.append(window);
            windowStart = 0;
            anchor = 0;
            anchorReference = "";
            anchorChars = 0;
        }
        if (text.isEmpty() || text.charAt(text.length() - 1) != REPLACEMENT) {
            moveAnchor(window);
        }
        stable = Math.max(stable, lastClusterStart());
    }

    /** Ends the stream: the held-back tail becomes final, checked against one full decode. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        String full = size == 0 ? "" : decode(0, size);
        if (full.length() >= stable && text.subSequence(0, stable).toString().contentEquals(full.subSequence(0, stable))) {
            text.setLength(0);
            text.append(full);
        }
        stable = text.length();
    }

    /** How many leading characters of {@link #text()} are final and safe to stream. */
    public int stableLength() {
        return stable;
    }

    /** The text decoded so far, including the held-back tail (which may still change). */
    public String text() {
        return text.toString();
    }

    /** Live view of the decoded text for callers in this package; valid until the next call. */
    CharSequence textView() {
        return text;
    }

    /**
     * Length of the text without a trailing run of U+FFFD, which may be an incomplete character still
     * receiving bytes; after {@link #finish()} the whole text.
     */
    int cleanLength() {
        int clean = text.length();
        while (!finished && clean > stable && text.charAt(clean - 1) == REPLACEMENT) {
            clean--;
        }
        return clean;
    }

    /** Number of ids appended. */
    public int tokenCount() {
        return size;
    }

    private String release() {
        String delta = text.substring(released, stable);
        released = stable;
        return delta;
    }

    private void moveAnchor(String window) {
        int oldAnchor = anchor;
        anchorReference = oldAnchor == windowStart ? window : decode(oldAnchor, size);
        windowStart = oldAnchor;
        anchor = size;
        anchorChars = text.length();
    }

    /**
     * Where the last grapheme cluster of the text starts, ignoring a trailing run of U+FFFD (an
     * incomplete character whose bytes are still coming). Segmentation restarts at the previous stable
     * point, which is a cluster boundary, so only the new tail is scanned.
     */
    private int lastClusterStart() {
        int clean = cleanLength();
        if (clean <= stable) {
            return stable;
        }
        String tail = text.substring(stable, clean);
        graphemes.setText(tail);
        int start = graphemes.preceding(tail.length());
        return stable + Math.max(0, start);
    }

    private String decode(int from, int to) {
        return detokenizer.decode(Arrays.copyOfRange(ids, from, to));
    }
}
