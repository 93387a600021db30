package org.orgllm.domain.model.knowledge;

import java.util.UUID;

/** A chunk found for a question, with its document's title and its full-text rank. */
public record RetrievedChunk(UUID documentId, String documentTitle, int ordinal, String content, double rank) {

    /** How answers cite it: {@code title#ordinal}. */
    public String reference() {
        return documentTitle + "#" + ordinal;
    }
}
