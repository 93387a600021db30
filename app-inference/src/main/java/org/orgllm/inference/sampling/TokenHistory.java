package org.orgllm.inference.sampling;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The token ids of one sequence: its prompt, then the tokens generated so far. Penalties read it every
 * step, so it keeps running counts instead of rescanning the sequence. Not thread-safe.
 */
public final class TokenHistory {

    private int[] tokens;
    private int size;
    private final int promptLength;
    private final IntCounter allCounts = new IntCounter();
    private final IntCounter generatedCounts = new IntCounter();

    private TokenHistory(int[] prompt) {
        tokens = Arrays.copyOf(prompt, Math.max(16, prompt.length * 2));
        size = prompt.length;
        promptLength = prompt.length;
        for (int id : prompt) {
            allCounts.increment(checkId(id));
        }
    }

    /** A history holding the given prompt and nothing generated yet. */
    public static TokenHistory ofPrompt(int... promptIds) {
        return new TokenHistory(promptIds.clone());
    }

    /** Records a generated token. */
    public void append(int tokenId) {
        checkId(tokenId);
        if (size == tokens.length) {
            tokens = Arrays.copyOf(tokens, tokens.length * 2);
        }
        tokens[size++] = tokenId;
        allCounts.increment(tokenId);
        generatedCounts.increment(tokenId);
    }

    public int promptLength() {
        return promptLength;
    }

    public int generatedLength() {
        return size - promptLength;
    }

    /** Prompt plus generated length. */
    public int length() {
        return size;
    }

    /** The id at a position of the whole sequence (prompt first). */
    public int tokenAt(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " out of [0, " + size + ")");
        }
        return tokens[index];
    }

    /** A copy of the generated ids, oldest first. */
    public int[] generatedTokens() {
        return Arrays.copyOfRange(tokens, promptLength, size);
    }

    /** How often the id occurs among generated tokens. */
    public int generatedCount(int tokenId) {
        return generatedCounts.get(tokenId);
    }

    /** Calls the consumer once per distinct id of prompt and generated tokens, in no set order. */
    public void forEachDistinctToken(IntConsumer consumer) {
        allCounts.forEach((id, count) -> consumer.accept(id));
    }

    /** Calls the consumer once per distinct generated id with its count, in no set order. */
    public void forEachGeneratedCount(CountConsumer consumer) {
        generatedCounts.forEach(consumer::accept);
    }

    /** Receives a token id and its count. */
    @FunctionalInterface
    public interface CountConsumer {
        void accept(int tokenId, int count);
    }

    private static int checkId(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("token ids must be >= 0, got " + id);
        }
        return id;
    }
}
