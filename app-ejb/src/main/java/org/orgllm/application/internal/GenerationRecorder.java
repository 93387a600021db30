package org.orgllm.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.orgllm.domain.model.generation.Channel;
import org.orgllm.domain.model.generation.Generation;
import org.orgllm.domain.model.generation.GenerationRepository;
import org.orgllm.domain.model.generation.GenerationStatus;
import org.orgllm.domain.model.organization.OrganizationId;

/**
 * Writes generation records in their own short transactions — one before the inference and one
 * after it — so the long inference never holds a transaction and a failure is recorded, not lost.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class GenerationRecorder {

    @Inject
    GenerationRepository generations;

    public UUID start(OrganizationId organization, String useCase, Channel channel, String requestedBy,
            String idempotencyKey, String requestJson, String prompt, String templateVersion, String samplingJson) {
        Generation g = new Generation(organization, useCase, channel, requestedBy, idempotencyKey, requestJson, prompt,
                templateVersion, samplingJson);
        generations.store(g);
        return g.id();
    }

    public void succeed(UUID id, String prompt, String rawOutput, String parsedJson, Generation.Measurements m) {
        Generation g = generations.find(id).orElseThrow();
        g.succeed(prompt, rawOutput, parsedJson, m);
    }

    public void fail(UUID id, GenerationStatus status, String errorType, String message, String rawOutput,
            Generation.Measurements m) {
        generations.find(id).ifPresent(g -> g.fail(status, errorType, message, rawOutput, m));
    }

    /** Frees an idempotency key held by an attempt that did not succeed, so a retry can run anew. */
    public void releaseKey(UUID id) {
        generations.find(id).ifPresent(Generation::releaseIdempotencyKey);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Generation> findByIdempotencyKey(String key) {
        return generations.findByIdempotencyKey(key);
    }
}
