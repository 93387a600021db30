package org.orgllm.application;

import java.time.Instant;
import java.util.UUID;
import org.orgllm.domain.model.generation.Generation;

/** A generation as callers see it: request, prompt, output, model, timings and outcome. */
public record GenerationView(UUID id, String organizationId, String useCase, String channel, String requestedBy,
                             String status, String finishReason, String errorType, String errorMessage,
                             String request, String prompt, String templateVersion, String baseModel,
                             String adapterVersion, String sampling, String rawOutput, String parsedOutput,
                             Integer promptTokens, Integer completionTokens, Long queueMs, Long timeToFirstTokenMs,
                             Long totalMs, Instant createdAt, Instant completedAt) {

    public static GenerationView of(Generation g) {
        return new GenerationView(g.id(), g.organizationId().value(), g.useCase(), g.channel(), g.requestedBy(),
                g.status().name(), g.finishReason(), g.errorType(), g.errorMessage(), g.requestJson(), g.prompt(),
                g.templateVersion(), g.baseModel(), g.adapterVersion(), g.samplingJson(), g.rawOutput(),
                g.parsedOutputJson(), g.promptTokens(), g.completionTokens(), g.queueMs(), g.timeToFirstTokenMs(),
                g.totalMs(), g.createdAt(), g.completedAt());
    }
}
