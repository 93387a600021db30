package org.orgllm.infrastructure.inference;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.orgllm.inference.engine.GenerationResult;
import org.orgllm.inference.engine.MetricsListener;

/**
 * Exports the engine's hooks as MicroProfile Metrics (Prometheus at {@code /metrics}), labelled by
 * adapter ({@code org@vN} or {@code base}): queue depth and batch size gauges, time to first token,
 * inter-token and end-to-end latency, tokens generated, adapter cache hits, misses and evictions.
 */
@ApplicationScoped
public class EngineMetricsBridge implements MetricsListener {

    @Inject
    MetricRegistry registry;

    private static final Logger LOG = Logger.getLogger(EngineMetricsBridge.class.getName());

    private final AtomicInteger queueDepth = new AtomicInteger();
    private volatile boolean warned;
    private final AtomicInteger batchRows = new AtomicInteger();

    @PostConstruct
    void registerGauges() {
        registry.gauge("orgllm_queue_depth", queueDepth, AtomicInteger::get);
        registry.gauge("orgllm_batch_rows", batchRows, AtomicInteger::get);
    }

    @Override
    public void step(int queue, int rows, int batchTokens, Duration stepTime) {
        record(() -> {
            queueDepth.set(queue);
            batchRows.set(rows);
        });
    }

    @Override
    public void firstToken(String adapter, Duration ttft) {
        record(() -> {
            registry.timer("orgllm_time_to_first_token", tag(adapter)).update(ttft);
        });
    }

    @Override
    public void interToken(String adapter, Duration gap) {
        record(() -> {
            registry.timer("orgllm_inter_token_latency", tag(adapter)).update(gap);
        });
    }

    @Override
    public void finished(String adapter, GenerationResult result) {
        record(() -> {
            registry.timer("orgllm_generation_latency", tag(adapter)).update(result.timings().total());
            registry.counter("orgllm_tokens_generated", tag(adapter)).inc(result.usage().completionTokens());
            registry.counter("orgllm_generations", tag(adapter), new Tag("outcome", result.finishReason().name().toLowerCase()))
                    .inc();
        });
    }

    @Override
    public void failed(String adapter, Throwable error) {
        record(() -> {
            registry.counter("orgllm_generations", tag(adapter), new Tag("outcome", "error")).inc();
        });
    }

    @Override
    public void rejected(Duration retryAfter) {
        record(() -> {
            registry.counter("orgllm_rejected_overloaded").inc();
        });
    }

    @Override
    public void adapterCacheHit(String adapter) {
        record(() -> {
            registry.counter("orgllm_adapter_cache_hits", tag(adapter)).inc();
        });
    }

    @Override
    public void adapterCacheMiss(String adapter) {
        record(() -> {
            registry.counter("orgllm_adapter_cache_misses", tag(adapter)).inc();
        });
    }

    @Override
    public void adapterCacheEviction(String adapter) {
        record(() -> {
            registry.counter("orgllm_adapter_cache_evictions", tag(adapter)).inc();
        });
    }

    /** Current gauges, for the portal's live view. */
    public int queueDepth() {
        return queueDepth.get();
    }

    public int batchRows() {
        return batchRows.get();
    }

    /** Metrics are best effort, but a failing exporter is reported once rather than silently lost. */
    private void record(Runnable update) {
        try {
            update.run();
        } catch (RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.log(Level.WARNING, "engine metrics could not be recorded", e);
            }
        }
    }

    private static Tag tag(String adapter) {
        return new Tag("adapter", adapter == null ? "base" : adapter);
    }
}
