package org.orgllm.interfaces.temporal;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.orgllm.application.UnknownOrganizationException;
import org.orgllm.application.generation.GenerationCancelledException;
import org.orgllm.application.usecases.CommunicationDraft;
import org.orgllm.application.usecases.CompetitiveIntelligence;
import org.orgllm.application.usecases.CustomerResponse;
import org.orgllm.application.usecases.DocumentAnalysis;
import org.orgllm.application.usecases.DocumentSummary;
import org.orgllm.application.usecases.KnowledgeResponse;
import org.orgllm.application.usecases.StrategyRecommendations;
import org.orgllm.application.usecases.UseCaseLimits;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseRequest;
import org.orgllm.application.usecases.UseCaseResult;
import org.orgllm.domain.model.organization.OrganizationId;

/**
 * In-memory stand-ins for the seven application services, doing what the real ones do at the edges
 * the adapter depends on: limits, Bean Validation, the organization check, replay of a stored result
 * for a known idempotency key, streaming deltas and honouring cancellation. Failures can be scripted.
 */
final class FakeUseCases implements AutoCloseable {

    /** One service invocation as the adapter made it. */
    record Call(String useCase, Object request, UseCaseOptions options) {}

    static final Set<String> ORGANIZATIONS = Set.of("techcorp");

    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Results stored under their idempotency key, like the generations table. */
    final Map<String, Object> stored = new ConcurrentHashMap<>();
    /** Generations actually produced (a replay produces none). */
    final List<String> generated = new CopyOnWriteArrayList<>();
    /** Set when a slow generation saw its cancellation. */
    volatile boolean observedCancellation;
    /** A generation that runs until cancelled (or a minute passes), streaming a delta every 20 ms. */
    volatile boolean slow;

    private final Deque<RuntimeException> failBeforeGenerating = new ArrayDeque<>();
    private final Deque<RuntimeException> failAfterStoring = new ArrayDeque<>();
    private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    private final Validator validator = validation.getValidator();

    /** The next call fails with {@code e} before anything is generated. */
    synchronized void failNext(RuntimeException e) {
        failBeforeGenerating.add(e);
    }

    /** The next generation succeeds and is stored, then the call fails with {@code e} (a lost completion). */
    synchronized void failAfterStoring(RuntimeException e) {
        failAfterStoring.add(e);
    }

    WorkerUseCases bean() {
        WorkerUseCases bean = new WorkerUseCases();
        bean.documentAnalysis = (r, o) -> run("analyze_document_content", r, o, () -> new DocumentAnalysis(
                "Revenue grew.", List.of("Growth"), 0.8, List.of("Keep going")));
        bean.strategy = (r, o) -> run("provide_strategic_recommendations", r, o, () -> new StrategyRecommendations(
                "Hold prices.", List.of("Cut prices"), "Low", List.of("Churn"), "Q3"));
        bean.communication = (r, o) -> run("draft_internal_communication", r, o, () -> new CommunicationDraft(
                "Travel policy", "Book through the portal.", "Friendly", 0.9, List.of()));
        bean.competitor = (r, o) -> run("analyze_competitive_landscape", r, o, () -> new CompetitiveIntelligence(
                "Moderate", List.of("Price pressure"), List.of("Match"), List.of("Watch"), List.of("Pricing")));
        bean.knowledge = (r, o) -> run("answer_organizational_query", r, o, () -> new KnowledgeResponse(
                "Ten days.", 0.7, List.of("Handbook#1"), List.of("Leave"), List.of()));
        bean.customer = (r, o) -> run("draft_customer_response", r, o, () -> new CustomerResponse(
                "We are sorry.", "Apologetic", 0.9, false, List.of("Refund")));
        bean.summary = (r, o) -> run("generate_document_summary", r, o, () -> new DocumentSummary("A summary."));
        return bean;
    }

    List<Call> callsOf(String useCase) {
        return calls.stream().filter(c -> c.useCase().equals(useCase)).toList();
    }

    @SuppressWarnings("unchecked")
    private <R> UseCaseResult<R> run(String useCase, UseCaseRequest<?> request, UseCaseOptions options,
            Supplier<R> answer) {
        calls.add(new Call(useCase, request, options));
        UseCaseLimits.check((Record) request);
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        OrganizationId organization = OrganizationId.of(request.organizationId());
        if (!ORGANIZATIONS.contains(organization.value())) {
            throw new UnknownOrganizationException(organization.value());
        }
        if (options.idempotencyKey() != null && stored.containsKey(options.idempotencyKey())) {
            return new UseCaseResult<>(UUID.randomUUID(), (R) stored.get(options.idempotencyKey()), "stop", 1, 1, 0, 0, 0, true);
        }
        RuntimeException before = next(failBeforeGenerating);
        if (before != null) {
            throw before;
        }
        if (slow) {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (System.nanoTime() < deadline) {
                if (options.cancellation().isCancelled()) {
                    observedCancellation = true;
                    throw new GenerationCancelledException("the generation was cancelled");
                }
                options.onDelta().accept("token ");
                sleep(20);
            }
        }
        R result = answer.get();
        if (options.onDelta() != null) {
            options.onDelta().accept(result.toString());
        }
        generated.add(useCase);
        if (options.idempotencyKey() != null) {
            stored.put(options.idempotencyKey(), result);
        }
        RuntimeException after = next(failAfterStoring);
        if (after != null) {
            throw after;
        }
        return new UseCaseResult<>(UUID.randomUUID(), result, "stop", 10, 20, 1, 2, 3, false);
    }

    private synchronized RuntimeException next(Deque<RuntimeException> queue) {
        return queue.poll();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        validation.close();
    }
}
