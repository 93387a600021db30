package org.orgllm.inference.structured;

import java.util.Arrays;

/**
 * GPT-2's byte-to-unicode table, used by byte-level BPE vocabularies: printable Latin-1 bytes stand for
 * themselves and the other bytes are shifted to U+0100 and up, so every token is printable text.
 */
final class ByteLevelAlphabet {

    private ByteLevelAlphabet() {
    }

    /** For each char below U+0200, the byte it encodes, or -1. */
    static int[] inverse() {
        int[] inverse = new int[0x200];
        Arrays.fill(inverse, -1);
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            int c = printable ? b : 256 + shifted++;
            inverse[c] = b;
        }
        return inverse;
    }
}
