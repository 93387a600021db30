package org.orgllm.application.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.orgllm.application.DashboardService;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.statistics.StatisticsRepository;
import org.orgllm.domain.model.statistics.StatisticsRepository.Latency;
import org.orgllm.domain.model.statistics.StatisticsRepository.Ratings;
import org.orgllm.domain.model.user.Role;

/** Reads the figures and folds the per-group shares into the organization's success metrics. */
@Stateless
@DeclareRoles({Role.USER_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME, "API"})
public class DefaultDashboardService implements DashboardService {

    @Inject
    StatisticsRepository statistics;

    @Inject
    OrganizationAccess access;

    @Override
    public Dashboard dashboard(String organizationId, Instant from, Instant to) {
        OrganizationId organization = access.require(organizationId);
        List<Latency> latency = statistics.latencyPerUseCase(organization, from, to);
        List<Ratings> perUseCase = statistics.ratingsPerUseCase(organization, from, to);
        return new Dashboard(statistics.requestsPerDay(organization, from, to), latency, perUseCase,
                statistics.ratingsPerAdapterVersion(organization, from, to),
                weighted(perUseCase, Ratings::count, Ratings::alignmentAtLeast4),
                weighted(perUseCase, Ratings::count, Ratings::brandVoiceAtLeast4),
                weighted(latency, Latency::count, Latency::underFiveSeconds));
    }

    /** The groups' shares weighted by their sizes; null when there are no rows. */
    private static <T> Double weighted(List<T> rows, java.util.function.ToLongFunction<T> weight,
            ToDoubleFunction<T> share) {
        long total = rows.stream().mapToLong(weight).sum();
        if (total == 0) {
            return null;
        }
        return rows.stream().mapToDouble(r -> share.applyAsDouble(r) * weight.applyAsLong(r)).sum() / total;
    }
}
