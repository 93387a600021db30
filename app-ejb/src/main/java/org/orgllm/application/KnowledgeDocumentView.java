package org.orgllm.application;

import java.time.Instant;
import java.util.UUID;
import org.orgllm.domain.model.knowledge.KnowledgeDocument;

/** A knowledge document as listed (without its content). */
public record KnowledgeDocumentView(UUID id, String organizationId, String title, String mediaType, int sizeBytes,
                                    int chunks, String createdBy, Instant createdAt) {

    public static KnowledgeDocumentView of(KnowledgeDocument d, int chunks) {
        return new KnowledgeDocumentView(d.id(), d.organizationId().value(), d.title(), d.mediaType(), d.sizeBytes(),
                chunks, d.createdBy(), d.createdAt());
    }
}
