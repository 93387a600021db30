package org.orgllm.domain.model.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orgllm.domain.model.organization.OrganizationId;

/** Where knowledge documents and their chunks are kept and searched. */
public interface KnowledgeRepository {

    /** Stores the document and its chunks (ordinals 0..n-1). */
    void store(KnowledgeDocument document, List<String> chunks);

    Optional<KnowledgeDocument> find(OrganizationId organization, UUID id);

    List<KnowledgeDocument> list(OrganizationId organization);

    int chunkCount(UUID documentId);

    boolean delete(OrganizationId organization, UUID id);

    /** The organization's chunks that best match the question (any of its words), best first. */
    List<RetrievedChunk> search(OrganizationId organization, String question, int limit);
}
