package org.orgllm.application.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.orgllm.application.ContentTooLargeException;
import org.orgllm.application.KnowledgeDocumentView;
import org.orgllm.application.KnowledgeService;
import org.orgllm.application.NewKnowledgeDocument;
import org.orgllm.application.UnknownDocumentException;
import org.orgllm.domain.model.knowledge.Chunker;
import org.orgllm.domain.model.knowledge.KnowledgeDocument;
import org.orgllm.domain.model.knowledge.KnowledgeRepository;
import org.orgllm.domain.model.knowledge.RetrievedChunk;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.user.Role;

@Stateless
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultKnowledgeService implements KnowledgeService {

    /** About 200 tokens: several fit in a prompt next to the question. */
    static final int CHUNK_CHARS = 900;

    @Inject
    KnowledgeRepository knowledge;

    @Inject
    OrganizationAccess access;

    @Inject
    RequestValidator validator;

    @Inject
    org.orgllm.application.CallerContext caller;

    @Override
    public KnowledgeDocumentView add(String organizationId, NewKnowledgeDocument document) {
        OrganizationId organization = access.require(organizationId);
        validator.validate(document);
        int bytes = document.content().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > NewKnowledgeDocument.MAX_BYTES) {
            throw new ContentTooLargeException("the document has " + bytes + " bytes; at most "
                    + NewKnowledgeDocument.MAX_BYTES + " are accepted");
        }
        KnowledgeDocument entity = new KnowledgeDocument(organization, document.title().strip(), document.mediaType(),
                document.content(), caller.name());
        List<String> chunks = new Chunker(CHUNK_CHARS).split(document.content());
        knowledge.store(entity, chunks);
        return KnowledgeDocumentView.of(entity, chunks.size());
    }

    @Override
    public List<KnowledgeDocumentView> list(String organizationId) {
        OrganizationId organization = access.require(organizationId);
        return knowledge.list(organization).stream()
                .map(d -> KnowledgeDocumentView.of(d, knowledge.chunkCount(d.id())))
                .toList();
    }

    @Override
    public void delete(String organizationId, UUID documentId) {
        OrganizationId organization = access.require(organizationId);
        if (!knowledge.delete(organization, documentId)) {
            throw new UnknownDocumentException(documentId.toString());
        }
    }

    @Override
    public List<RetrievedChunk> retrieve(String organizationId, String question, int limit) {
        OrganizationId organization = access.require(organizationId);
        return knowledge.search(organization, question, Math.max(1, Math.min(limit, 20)));
    }
}
