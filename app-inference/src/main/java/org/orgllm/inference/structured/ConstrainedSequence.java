package org.orgllm.inference.structured;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.orgllm.inference.sampling.LogitsProcessor;
import org.orgllm.inference.sampling.TokenHistory;

/**
 * One request's progress through a {@link JsonSchemaConstraint}. As a {@link LogitsProcessor} it sets
 * the logit of every token that cannot continue a valid document to {@code -inf}; end-of-sequence ids stay
 * allowed exactly when the document is complete.
 *
 * <p>Tokens advance the automaton either through {@link #accept(int)} or, when the caller only appends to
 * the {@link TokenHistory}, automatically at the next {@link #process}: tokens generated since the
 * previous call that were not already passed to {@code accept} are accepted then. Not thread-safe.
 */
public final class ConstrainedSequence implements LogitsProcessor {

    private final JsonSchemaConstraint constraint;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private Frame state;
    private boolean ended;
    private boolean closing;
    /** Generated tokens of the history already accounted for; -1 before the first {@link #process}. */
    private int historySeen = -1;
    /** Tokens passed to {@link #accept} since the last {@link #process}. */
    private int acceptedSinceProcess;
    private int tokens;

    ConstrainedSequence(JsonSchemaConstraint constraint, Frame initial) {
        this.constraint = constraint;
        this.state = initial;
    }

    @Override
    public void process(float[] logits, TokenHistory history) {
        catchUp(history);
        mask().apply(logits);
    }

    /**
     * Advances by one token.
     *
     * @throws IllegalArgumentException when the token cannot continue a valid document here
     */
    public void accept(int tokenId) {
        if (constraint.isEos(tokenId)) {
            if (!ended && !state.acceptsEnd()) {
                throw new IllegalArgumentException("end-of-sequence " + tokenId + " before the JSON is complete");
            }
            ended = true;
        } else {
            if (ended || !constraint.vocabulary().isText(tokenId)) {
                throw new IllegalArgumentException("token " + tokenId + " is not allowed here");
            }
            byte[] bytes = constraint.vocabulary().raw(tokenId);
            Frame next = state.stepAll(bytes);
            if (next == null) {
                throw new IllegalArgumentException("token " + tokenId + " ("
                        + new String(bytes, StandardCharsets.UTF_8) + ") cannot continue " + text());
            }
            state = next;
            output.writeBytes(bytes);
        }
        tokens++;
        acceptedSinceProcess++;
    }

    /** Whether the token would be allowed now. */
    public boolean allows(int tokenId) {
        return mask().allows(tokenId);
    }

    /** Whether the document is complete, so that end-of-sequence is allowed. */
    public boolean isComplete() {
        return ended || state.acceptsEnd();
    }

    /** Whether an end-of-sequence id was accepted. */
    public boolean isEnded() {
        return ended;
    }

    /**
     * An upper bound on the tokens that the shortest completion of the document takes (one per byte, as
     * byte-level vocabularies allow), end-of-sequence not included: the engine can switch to
     * {@link #closeNow()} when its budget is about to run out.
     */
    public int tokensToComplete() {
        return ended ? 0 : state.bytesToEnd();
    }

    /**
     * From now on only allows tokens on a shortest way to the end, so that the document is complete
     * within {@link #tokensToComplete()} more tokens. Masks in this mode are not cached.
     */
    public void closeNow() {
        closing = true;
    }

    /** Tokens accepted so far, end-of-sequence included. */
    public int acceptedTokens() {
        return tokens;
    }

    /** The document's bytes so far. */
    public byte[] output() {
        return output.toByteArray();
    }

    /** The document so far as text (a character split across tokens shows as U+FFFD until complete). */
    public String text() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private TokenMask mask() {
        if (ended) {
            return constraint.eosOnly();
        }
        return closing ? constraint.closingMask(state) : constraint.mask(state);
    }

    private void catchUp(TokenHistory history) {
        int generated = history.generatedLength();
        if (historySeen < 0) {
            historySeen = generated;
        }
        int[] ids = generated > historySeen ? history.generatedTokens() : null;
        for (int i = historySeen + acceptedSinceProcess; i < generated; i++) {
            accept(ids[i]);
        }
        historySeen = generated;
        acceptedSinceProcess = 0;
    }
}
