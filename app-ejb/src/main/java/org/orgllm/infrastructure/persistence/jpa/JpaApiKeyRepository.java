package org.orgllm.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.orgllm.domain.model.apikey.ApiKey;
import org.orgllm.domain.model.apikey.ApiKeyRepository;
import org.orgllm.domain.model.organization.OrganizationId;

@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {

    @PersistenceContext(unitName = "orgllm")
    private EntityManager em;

    @Override
    public void store(ApiKey key) {
        if (key.id() == null) {
            em.persist(key);
        } else if (!em.contains(key)) {
            em.merge(key);
        }
    }

    @Override
    public Optional<ApiKey> findByPrefix(String prefix) {
        return em.createQuery("SELECT k FROM ApiKey k WHERE k.prefix = :prefix", ApiKey.class)
                .setParameter("prefix", prefix)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<ApiKey> find(OrganizationId organization, long id) {
        return Optional.ofNullable(em.find(ApiKey.class, id)).filter(k -> k.organizationId().equals(organization));
    }

    @Override
    public List<ApiKey> list(OrganizationId organization) {
        return em.createQuery("SELECT k FROM ApiKey k WHERE k.organizationId = :org ORDER BY k.createdAt DESC", ApiKey.class)
                .setParameter("org", organization.value())
                .getResultList();
    }
}
