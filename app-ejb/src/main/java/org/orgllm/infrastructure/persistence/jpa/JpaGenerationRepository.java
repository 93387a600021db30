package org.orgllm.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orgllm.domain.model.generation.Generation;
import org.orgllm.domain.model.generation.GenerationFilter;
import org.orgllm.domain.model.generation.GenerationRepository;
import org.orgllm.domain.model.organization.OrganizationId;

@ApplicationScoped
public class JpaGenerationRepository implements GenerationRepository {

    @PersistenceContext(unitName = "orgllm")
    private EntityManager em;

    @Override
    public void store(Generation generation) {
        if (!em.contains(generation)) {
            if (em.find(Generation.class, generation.id()) == null) {
                em.persist(generation);
            } else {
                em.merge(generation);
            }
        }
    }

    @Override
    public Optional<Generation> find(UUID id) {
        return Optional.ofNullable(em.find(Generation.class, id));
    }

    @Override
    public Optional<Generation> findByIdempotencyKey(String key) {
        return em.createQuery("SELECT g FROM Generation g WHERE g.idempotencyKey = :key", Generation.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Generation> search(OrganizationId organization, String useCase, Instant from, Instant to,
            int offset, int limit) {
        TypedQuery<Generation> q = em.createQuery("SELECT g FROM Generation g" + where(useCase, from, to)
                + " ORDER BY g.createdAt DESC", Generation.class);
        bind(q, organization, useCase, from, to);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(OrganizationId organization, String useCase, Instant from, Instant to) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(g) FROM Generation g" + where(useCase, from, to), Long.class);
        bind(q, organization, useCase, from, to);
        return q.getSingleResult();
    }

    private static String where(String useCase, Instant from, Instant to) {
        return " WHERE g.organizationId = :org"
                + (useCase != null ? " AND g.useCase = :useCase" : "")
                + (from != null ? " AND g.createdAt >= :from" : "")
                + (to != null ? " AND g.createdAt < :to" : "");
    }

    private static void bind(TypedQuery<?> q, OrganizationId organization, String useCase, Instant from, Instant to) {
        q.setParameter("org", organization.value());
        if (useCase != null) {
            q.setParameter("useCase", useCase);
        }
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
    }

    @Override
    public List<Generation> search(GenerationFilter filter, int offset, int limit) {
        TypedQuery<Generation> q = em.createQuery("SELECT g FROM Generation g" + where(filter)
                + " ORDER BY g.createdAt DESC", Generation.class);
        bind(q, filter);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(GenerationFilter filter) {
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(g) FROM Generation g" + where(filter), Long.class);
        bind(q, filter);
        return q.getSingleResult();
    }

    @Override
    public List<String> baseModels(OrganizationId organization) {
        return em.createQuery("SELECT DISTINCT g.baseModel FROM Generation g WHERE g.organizationId = :org"
                + " AND g.baseModel IS NOT NULL ORDER BY g.baseModel", String.class)
                .setParameter("org", organization.value()).getResultList();
    }

    @Override
    public List<String> adapterVersions(OrganizationId organization) {
        return em.createQuery("SELECT DISTINCT g.adapterVersion FROM Generation g WHERE g.organizationId = :org"
                + " AND g.adapterVersion IS NOT NULL ORDER BY g.adapterVersion", String.class)
                .setParameter("org", organization.value()).getResultList();
    }

    private static String where(GenerationFilter f) {
        return where(f.useCase(), f.from(), f.to())
                + (f.baseModel() != null ? " AND g.baseModel = :baseModel" : "")
                + (f.adapterVersion() != null ? " AND g.adapterVersion = :adapterVersion" : "")
                + (f.minQuality() != null ? " AND EXISTS (SELECT f.id FROM Feedback f WHERE f.generationId = g.id"
                        + " AND f.quality >= :minQuality)" : "")
                + (Boolean.TRUE.equals(f.rated()) ? " AND EXISTS (SELECT f.id FROM Feedback f WHERE f.generationId = g.id)" : "")
                + (Boolean.FALSE.equals(f.rated()) ? " AND NOT EXISTS (SELECT f.id FROM Feedback f WHERE f.generationId = g.id)" : "");
    }

    private static void bind(TypedQuery<?> q, GenerationFilter f) {
        bind(q, f.organization(), f.useCase(), f.from(), f.to());
        if (f.baseModel() != null) {
            q.setParameter("baseModel", f.baseModel());
        }
        if (f.adapterVersion() != null) {
            q.setParameter("adapterVersion", f.adapterVersion());
        }
        if (f.minQuality() != null) {
            q.setParameter("minQuality", f.minQuality().shortValue());
        }
    }
}
