package org.orgllm.application;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.orgllm.domain.model.statistics.StatisticsRepository.DailyCount;
import org.orgllm.domain.model.statistics.StatisticsRepository.Latency;
import org.orgllm.domain.model.statistics.StatisticsRepository.Ratings;

/**
 * The dashboards' figures for one organization the caller may reach, in a time window: traffic,
 * latency, throughput, feedback, and the success metrics against their targets.
 */
public interface DashboardService {

    /** Alignment target: share of alignment ratings of 4 or 5. */
    double ALIGNMENT_TARGET = 0.85;

    /** Brand-voice target: share of brand-voice ratings of 4 or 5. */
    double BRAND_VOICE_TARGET = 0.90;

    /** Generation time target in milliseconds. */
    long GENERATION_TIME_TARGET_MS = 5000;

    /** @throws UnknownOrganizationException when absent or not the caller's */
    Dashboard dashboard(@NotNull String organizationId, @NotNull Instant from, @NotNull Instant to);

    /**
     * Everything the dashboards show.
     *
     * @param alignmentShare share (0–1) of alignment ratings of 4 or 5 over all feedback, null without feedback
     * @param brandVoiceShare share (0–1) of brand-voice ratings of 4 or 5, null without feedback
     * @param underFiveSecondsShare share (0–1) of successful generations under five seconds, null without any
     */
    record Dashboard(List<DailyCount> requestsPerDay, List<Latency> latency, List<Ratings> ratingsPerUseCase,
                     List<Ratings> ratingsPerAdapterVersion, Double alignmentShare, Double brandVoiceShare,
                     Double underFiveSecondsShare) {}
}
