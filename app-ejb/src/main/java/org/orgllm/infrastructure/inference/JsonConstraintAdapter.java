package org.orgllm.infrastructure.inference;

import org.orgllm.inference.engine.TokenConstraint;
import org.orgllm.inference.sampling.TokenHistory;
import org.orgllm.inference.structured.ConstrainedSequence;

/**
 * A JSON-schema constrained sequence as the engine's per-request constraint, which also makes the
 * document close in time: once the remaining token budget only just covers the shortest way to a
 * complete document, the sequence switches to closing, so the output parses even at the budget's end.
 */
final class JsonConstraintAdapter implements TokenConstraint {

    /**
     * Tokens of margin: one sampled token can lengthen the shortest completion by more than one byte
     * (a multi-byte character in flight, or a token that opens a new array item or field), so closing
     * starts a little early. The random-logit test of every use-case schema found 2 too few.
     */
    private static final int SLACK = 16;

    private final ConstrainedSequence sequence;
    private final int maxNewTokens;

    JsonConstraintAdapter(ConstrainedSequence sequence, int maxNewTokens) {
        this.sequence = sequence;
        this.maxNewTokens = maxNewTokens;
    }

    @Override
    public void process(float[] logits, TokenHistory history) {
        int remaining = maxNewTokens - history.generatedLength();
        if (remaining <= sequence.tokensToComplete() + SLACK) {
            sequence.closeNow();
        }
        sequence.process(logits, history);
    }

    @Override
    public void accept(int token) {
        sequence.accept(token);
    }

    @Override
    public boolean isComplete() {
        return sequence.isComplete();
    }
}
