package org.orgllm.inference.sampling;

import java.util.List;

/**
 * Finds stop strings in generated text. Besides the earliest occurrence, it reports how many trailing
 * characters could be the start of a stop string and so must not be streamed yet: once sent, text
 * cannot be taken back if the next token completes the stop string.
 */
public final class StopChecker {

    /**
     * The outcome of one check.
     *
     * @param stopIndex  where the earliest stop string starts, or {@code -1}
     * @param stopString the stop string found there (the first listed on a tie), or {@code null}
     * @param holdBack   trailing characters to withhold; {@code 0} when a stop string was found
     */
    public record Result(int stopIndex, String stopString, int holdBack) {

        /** Whether a stop string occurs. */
        public boolean stopped() {
            return stopIndex >= 0;
        }

        /** How much of text of the given length may be released: up to the stop, or minus the hold-back. */
        public int safeLength(int textLength) {
            return stopped() ? stopIndex : textLength - holdBack;
        }

        /** The text cut before the stop string, or without the held-back tail. */
        public String truncate(CharSequence text) {
            return text.subSequence(0, safeLength(text.length())).toString();
        }
    }

    private static final Result NOTHING = new Result(-1, null, 0);

    private final String[] stopStrings;

    /** A checker for the given non-empty stop strings; an empty list never stops. */
    public StopChecker(List<String> stopStrings) {
        this.stopStrings = stopStrings.toArray(String[]::new);
        for (String s : this.stopStrings) {
            if (s == null || s.isEmpty()) {
                throw new IllegalArgumentException("stop strings must be non-empty");
            }
        }
    }

    public boolean isEmpty() {
        return stopStrings.length == 0;
    }

    /** Checks the whole text. */
    public Result check(CharSequence text) {
        return check(text, 0);
    }

    /**
     * Checks text for stop strings starting at or after {@code from}; callers pass the length they have
     * already released, since a stop string cannot start inside released text (it was held back).
     */
    public Result check(CharSequence text, int from) {
        return check(text, from, text.length());
    }

    /**
     * Checks {@code text[0, end)} only, for stop strings starting at or after {@code from}; the hold-back
     * is measured back from {@code end}. Lets a caller leave out a tail that is not text yet (the
     * U+FFFD of an incomplete character) without copying.
     */
    public Result check(CharSequence text, int from, int end) {
        if (stopStrings.length == 0) {
            return NOTHING;
        }
        int bestIndex = -1;
        String best = null;
        for (String s : stopStrings) {
            int limit = bestIndex < 0 ? end - s.length() : Math.min(bestIndex - 1, end - s.length());
            int at = indexOf(text, s, Math.max(0, from), limit);
            if (at >= 0) {
                bestIndex = at;
                best = s;
            }
        }
        if (bestIndex >= 0) {
            return new Result(bestIndex, best, 0);
        }
        return new Result(-1, null, holdBack(text, end));
    }

    /** The length of the longest suffix of text that is a proper prefix of some stop string. */
    public int holdBack(CharSequence text) {
        return holdBack(text, text.length());
    }

    private int holdBack(CharSequence text, int end) {
        int longest = 0;
        for (String s : stopStrings) {
            for (int k = Math.min(s.length() - 1, end); k > longest; k--) {
                if (regionEquals(text, end - k, s, k)) {
                    longest = k;
                    break;
                }
            }
        }
        return longest;
    }

    private static int indexOf(CharSequence text, String s, int from, int lastStart) {
        for (int i = from; i <= lastStart; i++) {
            if (regionEquals(text, i, s, s.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionEquals(CharSequence text, int start, String s, int length) {
        for (int j = 0; j < length; j++) {
            if (text.charAt(start + j) != s.charAt(j)) {
                return false;
            }
        }
        return true;
    }
}
