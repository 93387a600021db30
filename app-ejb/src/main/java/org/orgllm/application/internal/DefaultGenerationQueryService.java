package org.orgllm.application.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.orgllm.application.CallerContext;
import org.orgllm.application.GenerationQueryService;
import org.orgllm.application.GenerationView;
import org.orgllm.application.UnknownGenerationException;
import org.orgllm.domain.model.generation.GenerationFilter;
import org.orgllm.domain.model.generation.GenerationRepository;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.user.Role;

@Stateless
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultGenerationQueryService implements GenerationQueryService {

    static final int MAX_PAGE_SIZE = 200;

    @Inject
    GenerationRepository generations;

    @Inject
    OrganizationAccess access;

    @Inject
    CallerContext caller;

    @Override
    public Page<GenerationView> search(String organizationId, String useCase, Instant from, Instant to, int page,
            int size) {
        OrganizationId organization = access.require(organizationId);
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        var items = generations.search(organization, blankToNull(useCase), from, to, safePage * safeSize, safeSize)
                .stream().map(GenerationView::of).toList();
        return new Page<>(items, safePage, safeSize, generations.count(organization, blankToNull(useCase), from, to));
    }

    @Override
    public GenerationView get(UUID id) {
        return generations.find(id)
                .filter(g -> caller.canAccess(g.organizationId()))
                .map(GenerationView::of)
                .orElseThrow(() -> new UnknownGenerationException(id.toString()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public Page<GenerationView> search(HistoryCriteria criteria, int page, int size) {
        OrganizationId organization = access.require(criteria.organizationId());
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        GenerationFilter filter = new GenerationFilter(organization, criteria.useCase(), criteria.from(),
                criteria.to(), criteria.baseModel(), criteria.adapterVersion(), criteria.minQuality(),
                criteria.rated());
        var items = generations.search(filter, safePage * safeSize, safeSize).stream().map(GenerationView::of).toList();
        return new Page<>(items, safePage, safeSize, generations.count(filter));
    }

    @Override
    public ModelChoices modelChoices(String organizationId) {
        OrganizationId organization = access.require(organizationId);
        return new ModelChoices(generations.baseModels(organization), generations.adapterVersions(organization));
    }
}
