package org.orgllm.inference.structured;

/**
 * A UTF-8 validator as a tiny state machine, so that strings built from byte-level tokens stay valid
 * UTF-8 (no stray continuation bytes, overlong forms, surrogates or code points past U+10FFFF).
 */
final class Utf8 {

    /** Between characters. */
    static final int START = 0;
    /** Number of states; state {@code s} waits for {@link #pending(int)} more bytes. */
    static final int STATES = 8;

    private static final int[] PENDING = {0, 1, 2, 2, 2, 3, 3, 3};
    // Allowed range of the next continuation byte per state; the narrow ranges exclude overlong forms
    // (E0, F0), surrogates (ED) and code points above U+10FFFF (F4).
    private static final int[] LOW = {0, 0x80, 0x80, 0xA0, 0x80, 0x80, 0x90, 0x80};
    private static final int[] HIGH = {0, 0xBF, 0xBF, 0xBF, 0x9F, 0xBF, 0xBF, 0x8F};
    private static final int[] AFTER = {0, START, 1, 1, 1, 2, 2, 2};

    private Utf8() {
    }

    /** The state after byte {@code b}, or -1 when {@code b} is invalid there. */
    static int next(int state, int b) {
        if (state != START) {
            return b >= LOW[state] && b <= HIGH[state] ? AFTER[state] : -1;
        }
        if (b < 0x80) {
            return START;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            return 1;
        }
        return switch (b) {
            case 0xE0 -> 3;
            case 0xED -> 4;
            case 0xF0 -> 6;
            case 0xF4 -> 7;
            default -> (b >= 0xE1 && b <= 0xEF) ? 2 : (b >= 0xF1 && b <= 0xF3) ? 5 : -1;
        };
    }

    /** Continuation bytes still owed in this state. */
    static int pending(int state) {
        return PENDING[state];
    }

    /** Whether the byte starts a character (counts towards a string's length). */
    static boolean startsCharacter(int b) {
        return b < 0x80 || b >= 0xC0;
    }
}
