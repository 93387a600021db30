package org.orgllm.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.orgllm.domain.model.organization.Organization;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.organization.OrganizationRepository;

@ApplicationScoped
public class JpaOrganizationRepository implements OrganizationRepository {

    @PersistenceContext(unitName = "orgllm")
    private EntityManager em;

    @Override
    public Optional<Organization> find(OrganizationId id) {
        return Optional.ofNullable(em.find(Organization.class, id.value()));
    }

    @Override
    public List<Organization> findAll() {
        return em.createQuery("SELECT o FROM Organization o ORDER BY o.name", Organization.class).getResultList();
    }

    @Override
    public List<Organization> findAll(Collection<OrganizationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT o FROM Organization o WHERE o.id IN :ids ORDER BY o.name", Organization.class)
                .setParameter("ids", ids.stream().map(OrganizationId::value).toList())
                .getResultList();
    }

    @Override
    public boolean exists(OrganizationId id) {
        return em.find(Organization.class, id.value()) != null;
    }

    @Override
    public void store(Organization organization) {
        if (em.contains(organization)) {
            return;
        }
        if (exists(organization.id())) {
            em.merge(organization);
        } else {
            em.persist(organization);
        }
    }
}
