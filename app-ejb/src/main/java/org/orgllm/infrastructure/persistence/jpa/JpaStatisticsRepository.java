package org.orgllm.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.orgllm.domain.model.organization.OrganizationId;
import org.orgllm.domain.model.statistics.StatisticsRepository;

/**
 * The dashboards' figures computed by PostgreSQL ({@code percentile_cont}, {@code FILTER}) so only
 * a few rows leave the database, however many generations there are.
 */
@ApplicationScoped
public class JpaStatisticsRepository implements StatisticsRepository {

    private static final String WINDOW = " g.organization_id = ?1 AND g.created_at >= ?2 AND g.created_at < ?3 ";

    private static final String RATINGS = """
            count(*), avg(f.quality), avg(f.alignment), avg(f.brand_voice),
            avg(CASE WHEN f.alignment >= 4 THEN 1.0 ELSE 0.0 END) FILTER (WHERE f.alignment IS NOT NULL),
            avg(CASE WHEN f.brand_voice >= 4 THEN 1.0 ELSE 0.0 END) FILTER (WHERE f.brand_voice IS NOT NULL),
            avg(CASE WHEN f.thumbs_up THEN 1.0 ELSE 0.0 END) FILTER (WHERE f.thumbs_up IS NOT NULL)
            """;

    @PersistenceContext(unitName = "orgllm")
    private EntityManager em;

    @Override
    public List<DailyCount> requestsPerDay(OrganizationId organization, Instant from, Instant to) {
        return rows("SELECT CAST(date_trunc('day', g.created_at AT TIME ZONE 'UTC') AS date), g.use_case, count(*)"
                + " FROM generations g WHERE" + WINDOW + "GROUP BY 1, 2 ORDER BY 1, 2", organization, from, to)
                .stream()
                .map(r -> new DailyCount(day(r[0]), (String) r[1], number(r[2]).longValue()))
                .toList();
    }

    @Override
    public List<Latency> latencyPerUseCase(OrganizationId organization, Instant from, Instant to) {
        return rows("""
                SELECT g.use_case, count(*),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY g.total_ms),
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY g.total_ms),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY g.time_to_first_token_ms),
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY g.time_to_first_token_ms),
                       COALESCE(sum(g.completion_tokens) * 1000.0 / NULLIF(sum(g.total_ms), 0), 0),
                       avg(CASE WHEN g.total_ms < 5000 THEN 1.0 ELSE 0.0 END)
                FROM generations g WHERE g.status = 'SUCCEEDED' AND""" + WINDOW + "GROUP BY g.use_case ORDER BY 1",
                organization, from, to).stream()
                .map(r -> new Latency((String) r[0], number(r[1]).longValue(), dbl(r[2]), dbl(r[3]), dbl(r[4]),
                        dbl(r[5]), dbl(r[6]), dbl(r[7])))
                .toList();
    }

    @Override
    public List<Ratings> ratingsPerUseCase(OrganizationId organization, Instant from, Instant to) {
        return ratings("g.use_case", organization, from, to);
    }

    @Override
    public List<Ratings> ratingsPerAdapterVersion(OrganizationId organization, Instant from, Instant to) {
        return ratings("COALESCE(g.adapter_version, 'none')", organization, from, to);
    }

    private List<Ratings> ratings(String key, OrganizationId organization, Instant from, Instant to) {
        return rows("SELECT " + key + ", " + RATINGS + " FROM feedback f JOIN generations g ON g.id = f.generation_id"
                + " WHERE" + WINDOW + "GROUP BY 1 ORDER BY 1", organization, from, to).stream()
                .map(r -> new Ratings((String) r[0], number(r[1]).longValue(), dbl(r[2]), dbl(r[3]), dbl(r[4]),
                        dbl(r[5]), dbl(r[6]), dbl(r[7])))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, OrganizationId organization, Instant from, Instant to) {
        return em.createNativeQuery(sql)
                .setParameter(1, organization.value())
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList();
    }

    private static Number number(Object o) {
        return o == null ? 0 : (Number) o;
    }

    private static double dbl(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    private static LocalDate day(Object o) {
        return switch (o) {
            case LocalDate d -> d;
            case Date d -> d.toLocalDate();
            default -> LocalDate.parse(o.toString());
        };
    }
}
