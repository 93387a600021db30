package org.orgllm.inference.sampling;

/**
 * Rewrites one sequence's next-token logits in place. Extra processors given to {@link Sampler} run
 * before the built-in penalties and warpers; a mask sets disallowed ids to
 * {@link Float#NEGATIVE_INFINITY}, and the sampler never returns such an id.
 */
@FunctionalInterface
public interface LogitsProcessor {

    /**
     * @param logits  the vocabulary-sized scores of the next position, modified in place
     * @param history the prompt and generated tokens of this sequence so far
     */
    void process(float[] logits, TokenHistory history);
}
