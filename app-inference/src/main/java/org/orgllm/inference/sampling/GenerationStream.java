package org.orgllm.inference.sampling;

import java.text.BreakIterator;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Applies one request's stop conditions to its sampled tokens and turns them into streamable text
 * deltas. A stop token (the model's end-of-sequence ids unless {@code ignoreEos}, plus
 * {@code stopTokenIds}) ends the sequence with {@link FinishReason#STOP} and adds no text; a stop
 * string ends it with {@code STOP} and the text is cut before its earliest occurrence;
 * {@code maxNewTokens} ends it with {@link FinishReason#LENGTH}. Deltas never contain a stop string or
 * a prefix of one that could still complete, nor split a UTF-8 character or grapheme cluster; their
 * concatenation is the final text. Not thread-safe.
 */
public final class GenerationStream {

    /**
     * What one step adds to the stream.
     *
     * @param text         text to send now, possibly empty
     * @param finishReason why the sequence ended, or {@code null} while it continues
     */
    public record Delta(String text, FinishReason finishReason) {

        public boolean finished() {
            return finishReason != null;
        }
    }

    private final StreamDecoder decoder;
    private final StopChecker stopStrings;
    private final Set<Integer> stopIds;
    private final int maxNewTokens;
    private final BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
    private final StringBuilder emittedText = new StringBuilder();
    private int generated;
    private FinishReason finishReason;

    /**
     * @param params      the request's stop settings
     * @param eosTokenIds the model's end-of-sequence ids (from generation_config.json)
     * @param detokenizer decodes generated ids; whether it skips special tokens is its choice
     */
    public GenerationStream(SamplingParams params, Collection<Integer> eosTokenIds, Detokenizer detokenizer) {
        Objects.requireNonNull(params, "params");
        decoder = new StreamDecoder(detokenizer);
        stopStrings = new StopChecker(params.stopStrings());
        stopIds = new HashSet<>(params.stopTokenIds());
        if (!params.ignoreEos() && eosTokenIds != null) {
            stopIds.addAll(eosTokenIds);
        }
        maxNewTokens = params.maxNewTokens();
    }

    /** Takes the next generated token; after a finished delta no more tokens are accepted. */
    public Delta accept(int tokenId) {
        if (finishReason != null) {
            throw new IllegalStateException("the sequence already finished: " + finishReason);
        }
        generated++;
        if (stopIds.contains(tokenId)) {
            return end(FinishReason.STOP);
        }
        decoder.append(tokenId);
        CharSequence text = decoder.textView();
        // A trailing U+FFFD is not text yet: the completed character may finish a stop string.
        int clean = decoder.cleanLength();
        StopChecker.Result stop = stopStrings.check(text, emittedText.length(), clean);
        if (stop.stopped()) {
            return finishAt(stop.stopIndex(), FinishReason.STOP);
        }
        if (generated >= maxNewTokens) {
            return end(FinishReason.LENGTH);
        }
        int limit = Math.min(decoder.stableLength(), stop.safeLength(clean));
        return new Delta(emitUpTo(floorToCluster(text, limit)), null);
    }

    /** Ends the sequence early (e.g. {@link FinishReason#CANCELLED}), releasing the held-back text. */
    public Delta finish(FinishReason reason) {
        Objects.requireNonNull(reason, "reason");
        if (finishReason != null) {
            return new Delta("", finishReason);
        }
        return end(reason);
    }

    /** Text streamed so far; once finished, the complete output text. */
    public String text() {
        return emittedText.toString();
    }

    /** Why the sequence ended, or {@code null} while it runs. */
    public FinishReason finishReason() {
        return finishReason;
    }

    /** Tokens accepted, including a final stop token. */
    public int generatedTokens() {
        return generated;
    }

    private Delta end(FinishReason reason) {
        decoder.finish();
        CharSequence text = decoder.textView();
        StopChecker.Result stop = stopStrings.check(text, emittedText.length());
        return finishAt(stop.stopped() ? stop.stopIndex() : text.length(), reason);
    }

    private Delta finishAt(int end, FinishReason reason) {
        finishReason = reason;
        return new Delta(emitUpTo(end), reason);
    }

    private String emitUpTo(int end) {
        int start = emittedText.length();
        if (end <= start) {
            return "";
        }
        String delta = decoder.textView().subSequence(start, end).toString();
        emittedText.append(delta);
        return delta;
    }

    /**
     * The stop-string hold-back may end inside a cluster (a stop string starting with a combining
     * mark); round down to the cluster start. The stream start and stable points are boundaries.
     */
    private int floorToCluster(CharSequence text, int limit) {
        int start = emittedText.length();
        if (limit <= start || limit == decoder.stableLength()) {
            return Math.max(limit, start);
        }
        graphemes.setText(text.subSequence(start, decoder.stableLength()).toString());
        int relative = limit - start;
        return start + (graphemes.isBoundary(relative) ? relative : graphemes.preceding(relative));
    }
}
