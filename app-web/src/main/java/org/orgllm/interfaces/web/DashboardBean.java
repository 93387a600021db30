package org.orgllm.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.orgllm.application.DashboardService;
import org.orgllm.application.DashboardService.Dashboard;
import org.orgllm.domain.model.statistics.StatisticsRepository.DailyCount;
import org.orgllm.domain.model.statistics.StatisticsRepository.Latency;
import org.orgllm.domain.model.statistics.StatisticsRepository.Ratings;
import org.orgllm.inference.engine.EngineMetrics;
import org.orgllm.infrastructure.inference.InferenceRuntime;
import org.orgllm.interfaces.web.ChartJson.Series;

/**
 * The dashboards of the current organization: traffic, latency and throughput from the generation
 * records, feedback and the success metrics against their targets, and the engine's live state.
 */
@Named
@ViewScoped
public class DashboardBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DashboardService dashboards;

    @Inject
    OrganizationSwitcher switcher;

    @Inject
    InferenceRuntime runtime;

    private int days = 30;
    private Dashboard dashboard;

    @PostConstruct
    void init() {
        refresh();
    }

    /** Reads the figures again for the chosen window. */
    public void refresh() {
        String organization = switcher.getCurrent();
        Instant to = Instant.now().plus(Duration.ofMinutes(1));
        dashboard = organization == null ? null
                : dashboards.dashboard(organization, to.minus(Duration.ofDays(days)), to);
    }

    public boolean isNoData() {
        return dashboard == null || dashboard.requestsPerDay().isEmpty();
    }

    /** Requests per day, one line per use case; days without requests count zero. */
    public String getRequestsChart() {
        List<String> labels = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate d = today.minusDays(Math.min(days, 30) - 1L); !d.isAfter(today); d = d.plusDays(1)) {
            labels.add(d.toString());
        }
        Map<String, Map<String, Long>> byUseCase = new TreeMap<>();
        for (DailyCount c : dashboard().requestsPerDay()) {
            byUseCase.computeIfAbsent(UseCaseForms.title(c.useCase()), k -> new TreeMap<>()).put(c.day().toString(), c.count());
        }
        List<Series> series = byUseCase.entrySet().stream()
                .map(e -> new Series(e.getKey(), labels.stream().map(l -> e.getValue().getOrDefault(l, 0L)).toList()))
                .toList();
        return ChartJson.line(labels, series, "requests");
    }

    public String getLatencyChart() {
        List<Latency> rows = dashboard().latency();
        return ChartJson.bar(titles(rows.stream().map(Latency::useCase).toList()), List.of(
                series("p50", rows, Latency::p50Ms), series("p95", rows, Latency::p95Ms),
                series("time to first token p50", rows, Latency::ttftP50Ms),
                series("time to first token p95", rows, Latency::ttftP95Ms)), "ms");
    }

    public String getThroughputChart() {
        List<Latency> rows = dashboard().latency();
        return ChartJson.bar(titles(rows.stream().map(Latency::useCase).toList()),
                List.of(series("tokens per second", rows, Latency::tokensPerSecond)), "tokens/s");
    }

    public String getFeedbackChart() {
        return ratingsChart(dashboard().ratingsPerUseCase(), true);
    }

    public String getAdapterChart() {
        return ratingsChart(dashboard().ratingsPerAdapterVersion(), false);
    }

    /** Success metrics per use case against the targets: shares of 4–5 ratings, generations under 5 s. */
    public String getTargetsChart() {
        List<Ratings> rows = dashboard().ratingsPerUseCase();
        return ChartJson.percentBar(titles(rows.stream().map(Ratings::key).toList()), List.of(
                series("alignment ≥ 4", rows, r -> r.alignmentAtLeast4() * 100),
                series("brand voice ≥ 4", rows, r -> r.brandVoiceAtLeast4() * 100)),
                DashboardService.ALIGNMENT_TARGET * 100);
    }

    private String ratingsChart(List<Ratings> rows, boolean useCases) {
        List<String> keys = rows.stream().map(Ratings::key).toList();
        return ChartJson.bar(useCases ? titles(keys) : keys, List.of(
                series("ratings", rows, Ratings::count), series("quality", rows, Ratings::quality),
                series("alignment", rows, Ratings::alignment), series("brand voice", rows, Ratings::brandVoice)),
                "count / average (1–5)");
    }

    public boolean isHasFeedback() {
        return dashboard != null && !dashboard.ratingsPerUseCase().isEmpty();
    }

    public Dashboard getDashboard() {
        return dashboard;
    }

    /** A share as a whole percentage, or null. */
    public Integer percent(Double share) {
        return share == null ? null : (int) Math.round(share * 100);
    }

    public String severity(Double share, double target) {
        return share == null ? "secondary" : share >= target ? "success" : "danger";
    }

    public double getAlignmentTarget() {
        return DashboardService.ALIGNMENT_TARGET;
    }

    public double getBrandVoiceTarget() {
        return DashboardService.BRAND_VOICE_TARGET;
    }

    /** The generation-time target counts as met when 95 % of generations are under it. */
    public double getTimeTarget() {
        return 0.95;
    }

    /** The engine's counters right now, when a model is loaded. */
    public EngineMetrics getLive() {
        return runtime.engine().map(e -> e.metrics()).orElse(null);
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = days;
    }

    private Dashboard dashboard() {
        return dashboard == null ? new Dashboard(List.of(), List.of(), List.of(), List.of(), null, null, null) : dashboard;
    }

    private static List<String> titles(List<String> useCases) {
        return useCases.stream().map(UseCaseForms::title).toList();
    }

    private static <T> Series series(String name, List<T> rows, ToDoubleFunction<T> value) {
        return new Series(name, rows.stream().map(r -> value.applyAsDouble(r)).toList());
    }
}
