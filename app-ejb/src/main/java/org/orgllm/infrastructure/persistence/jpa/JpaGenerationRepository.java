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
}
