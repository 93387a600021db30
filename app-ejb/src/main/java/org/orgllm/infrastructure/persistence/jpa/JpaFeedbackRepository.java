package org.orgllm.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orgllm.domain.model.feedback.Feedback;
import org.orgllm.domain.model.feedback.FeedbackRepository;
import org.orgllm.domain.model.feedback.FeedbackSummary;
import org.orgllm.domain.model.feedback.PreferencePair;
import org.orgllm.domain.model.generation.Generation;
import org.orgllm.domain.model.organization.OrganizationId;

/** Feedback and preference pairs in PostgreSQL; the upsert is PostgreSQL's {@code ON CONFLICT}. */
@ApplicationScoped
public class JpaFeedbackRepository implements FeedbackRepository {

    @PersistenceContext(unitName = "orgllm")
    private EntityManager em;

    @Override
    public Feedback upsert(UUID generationId, String reviewer, Integer quality, Integer alignment, Integer brandVoice,
            Boolean thumbsUp, String rationale, String correctedOutput) {
        // ON CONFLICT makes two concurrent submits of the same form one row, which find-then-insert cannot.
        em.createNativeQuery("""
                INSERT INTO feedback (generation_id, reviewer, quality, alignment, brand_voice, thumbs_up, rationale,
                                      corrected_output)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT (generation_id, reviewer) DO UPDATE SET
                    quality = EXCLUDED.quality, alignment = EXCLUDED.alignment, brand_voice = EXCLUDED.brand_voice,
                    thumbs_up = EXCLUDED.thumbs_up, rationale = EXCLUDED.rationale,
                    corrected_output = EXCLUDED.corrected_output, updated_at = now(), version = feedback.version + 1
                """)
                .setParameter(1, generationId)
                .setParameter(2, reviewer)
                .setParameter(3, quality == null ? null : quality.shortValue())
                .setParameter(4, alignment == null ? null : alignment.shortValue())
                .setParameter(5, brandVoice == null ? null : brandVoice.shortValue())
                .setParameter(6, thumbsUp)
                .setParameter(7, rationale)
                .setParameter(8, correctedOutput)
                .executeUpdate();
        Feedback stored = find(generationId, reviewer).orElseThrow();
        em.refresh(stored);
        return stored;
    }

    @Override
    public Optional<Feedback> find(UUID generationId, String reviewer) {
        return em.createQuery("SELECT f FROM Feedback f WHERE f.generationId = :g AND f.reviewer = :r", Feedback.class)
                .setParameter("g", generationId)
                .setParameter("r", reviewer)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Feedback> forGeneration(UUID generationId) {
        return em.createQuery("SELECT f FROM Feedback f WHERE f.generationId = :g ORDER BY f.createdAt", Feedback.class)
                .setParameter("g", generationId)
                .getResultList();
    }

    @Override
    public void store(PreferencePair pair) {
        em.persist(pair);
    }

    @Override
    public List<Generation> unreviewed(OrganizationId organization, int offset, int limit) {
        return em.createQuery("SELECT g FROM Generation g" + UNREVIEWED + " ORDER BY g.createdAt", Generation.class)
                .setParameter("org", organization.value())
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long countUnreviewed(OrganizationId organization) {
        return em.createQuery("SELECT COUNT(g) FROM Generation g" + UNREVIEWED, Long.class)
                .setParameter("org", organization.value())
                .getSingleResult();
    }

    private static final String UNREVIEWED = " WHERE g.organizationId = :org AND g.status = 'SUCCEEDED'"
            + " AND NOT EXISTS (SELECT f.id FROM Feedback f WHERE f.generationId = g.id)";

    @Override
    public List<FeedbackSummary> summaries(java.util.Collection<UUID> generationIds) {
        if (generationIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT f.generationId, COUNT(f), AVG(f.quality), AVG(f.alignment), AVG(f.brandVoice)"
                + " FROM Feedback f WHERE f.generationId IN :ids GROUP BY f.generationId", Object[].class)
                .setParameter("ids", generationIds)
                .getResultStream()
                .map(r -> new FeedbackSummary((UUID) r[0], ((Number) r[1]).longValue(), avg(r[2]), avg(r[3]), avg(r[4])))
                .toList();
    }

    private static double avg(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
