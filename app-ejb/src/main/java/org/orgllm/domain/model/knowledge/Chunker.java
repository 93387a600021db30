package org.orgllm.domain.model.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a document into chunks of about {@code targetChars} characters along paragraph, then line,
 * then sentence, then word boundaries, so a retrieved chunk reads as a whole passage.
 */
public final class Chunker {

    private final int targetChars;

    public Chunker(int targetChars) {
        if (targetChars < 50) {
            throw new IllegalArgumentException("chunks of fewer than 50 characters make no sense");
        }
        this.targetChars = targetChars;
    }

    public List<String> split(String text) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces(text.strip())) {
            if (current.length() > 0 && current.length() + piece.length() + 2 > targetChars) {
                chunks.add(current.toString().strip());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append("\n\n");
            }
            current.append(piece);
        }
        if (!current.toString().isBlank()) {
            chunks.add(current.toString().strip());
        }
        return chunks;
    }

    /** Paragraphs, with any paragraph longer than the target split further. */
    private List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                splitLong(paragraph.strip(), out, new String[] {"\n", "(?<=[.!?])\\s+", "\\s+"}, 0);
            }
        }
        return out;
    }

    private void splitLong(String text, List<String> out, String[] separators, int level) {
        if (text.length() <= targetChars || level == separators.length) {
            if (text.length() <= targetChars) {
                out.add(text);
            } else {
                for (int i = 0; i < text.length(); i += targetChars) {
                    out.add(text.substring(i, Math.min(text.length(), i + targetChars)));
                }
            }
            return;
        }
        StringBuilder current = new StringBuilder();
        String joiner = level == 0 ? "\n" : " ";
        for (String part : text.split(separators[level])) {
            if (current.length() > 0 && current.length() + part.length() + 1 > targetChars) {
                splitLong(current.toString(), out, separators, level + 1);
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(joiner);
            }
            current.append(part);
        }
        if (current.length() > 0) {
            splitLong(current.toString(), out, separators, level + 1);
        }
    }
}
