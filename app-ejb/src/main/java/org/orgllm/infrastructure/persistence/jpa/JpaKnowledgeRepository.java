package org.orgllm.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orgllm.domain.model.knowledge.KnowledgeDocument;
import org.orgllm.domain.model.knowledge.KnowledgeRepository;
import org.orgllm.domain.model.knowledge.RetrievedChunk;
import org.orgllm.domain.model.organization.OrganizationId;

/** Documents through JPA; chunks and their full-text search through native PostgreSQL SQL. */
@ApplicationScoped
public class JpaKnowledgeRepository implements KnowledgeRepository {

    /**
     * Any word of the question may match (the words of plainto_tsquery joined with OR), ranked by
     * cover density; a question never matches another organization's chunks.
     */
    private static final String SEARCH = """
            SELECT c.document_id, d.title, c.ordinal, c.content, ts_rank_cd(c.tsv, q.query) AS rank
            FROM knowledge_chunks c
            JOIN knowledge_documents d ON d.id = c.document_id,
                 (SELECT to_tsquery('english', replace(plainto_tsquery('english', ?1)::text, ' & ', ' | ')) AS query) q
            WHERE c.organization_id = ?2 AND numnode(q.query) > 0 AND c.tsv @@ q.query
            ORDER BY rank DESC, d.created_at DESC, c.ordinal
            LIMIT ?3
            """;

    @PersistenceContext(unitName = "orgllm")
    private EntityManager em;

    @Override
    public void store(KnowledgeDocument document, List<String> chunks) {
        em.persist(document);
        em.flush();
        for (int i = 0; i < chunks.size(); i++) {
            em.createNativeQuery("INSERT INTO knowledge_chunks(document_id, organization_id, ordinal, content) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, document.id())
                    .setParameter(2, document.organizationId().value())
                    .setParameter(3, i)
                    .setParameter(4, chunks.get(i))
                    .executeUpdate();
        }
    }

    @Override
    public Optional<KnowledgeDocument> find(OrganizationId organization, UUID id) {
        return Optional.ofNullable(em.find(KnowledgeDocument.class, id))
                .filter(d -> d.organizationId().equals(organization));
    }

    @Override
    public List<KnowledgeDocument> list(OrganizationId organization) {
        return em.createQuery("SELECT d FROM KnowledgeDocument d WHERE d.organizationId = :org ORDER BY d.createdAt DESC",
                        KnowledgeDocument.class)
                .setParameter("org", organization.value())
                .getResultList();
    }

    @Override
    public int chunkCount(UUID documentId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM knowledge_chunks WHERE document_id = ?1")
                .setParameter(1, documentId).getSingleResult()).intValue();
    }

    @Override
    public boolean delete(OrganizationId organization, UUID id) {
        return find(organization, id).map(d -> {
            em.remove(d);
            return true;
        }).orElse(false);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<RetrievedChunk> search(OrganizationId organization, String question, int limit) {
        List<Object[]> rows = em.createNativeQuery(SEARCH)
                .setParameter(1, question)
                .setParameter(2, organization.value())
                .setParameter(3, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new RetrievedChunk((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3],
                        ((Number) r[4]).doubleValue()))
                .toList();
    }
}
