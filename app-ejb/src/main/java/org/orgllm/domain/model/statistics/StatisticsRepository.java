package org.orgllm.domain.model.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.orgllm.domain.model.organization.OrganizationId;

/** Aggregates over an organization's generations and their feedback in a time window {@code [from, to)}. */
public interface StatisticsRepository {

    /** Generations per day (UTC) and use case. */
    List<DailyCount> requestsPerDay(OrganizationId organization, Instant from, Instant to);

    /** Latency percentiles, time to first token and throughput of successful generations, per use case. */
    List<Latency> latencyPerUseCase(OrganizationId organization, Instant from, Instant to);

    /** Feedback volume and ratings per use case. */
    List<Ratings> ratingsPerUseCase(OrganizationId organization, Instant from, Instant to);

    /** Feedback volume and ratings per adapter version ({@code none} for the base model). */
    List<Ratings> ratingsPerAdapterVersion(OrganizationId organization, Instant from, Instant to);

    /** Generations in a day for one use case. */
    record DailyCount(LocalDate day, String useCase, long count) {}

    /**
     * @param underFiveSeconds share (0–1) of generations that took less than five seconds
     * @param tokensPerSecond completion tokens over generation time, all generations together
     */
    record Latency(String useCase, long count, double p50Ms, double p95Ms, double ttftP50Ms, double ttftP95Ms,
                   double tokensPerSecond, double underFiveSeconds) {}

    /**
     * Averages on 1–5 and the shares (0–1) of alignment and brand-voice ratings of 4 or 5.
     *
     * @param key the use case or adapter version
     */
    record Ratings(String key, long count, double quality, double alignment, double brandVoice,
                   double alignmentAtLeast4, double brandVoiceAtLeast4, double thumbsUpShare) {}
}
