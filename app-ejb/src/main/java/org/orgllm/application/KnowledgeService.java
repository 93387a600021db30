package org.orgllm.application;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.orgllm.domain.model.knowledge.RetrievedChunk;

/**
 * An organization's knowledge base: documents are chunked and indexed when added; questions
 * retrieve the best chunks of that organization only. Members of the organization (and ADMIN) may
 * read, add and delete.
 */
public interface KnowledgeService {

    /** @throws ContentTooLargeException above {@link NewKnowledgeDocument#MAX_BYTES} */
    KnowledgeDocumentView add(@NotNull String organizationId, @NotNull NewKnowledgeDocument document);

    List<KnowledgeDocumentView> list(@NotNull String organizationId);

    /** @throws UnknownDocumentException when absent or of another organization */
    void delete(@NotNull String organizationId, @NotNull UUID documentId);

    /** The chunks that best match the question, best first (at most {@code limit}). */
    List<RetrievedChunk> retrieve(@NotNull String organizationId, @NotNull String question, int limit);
}
