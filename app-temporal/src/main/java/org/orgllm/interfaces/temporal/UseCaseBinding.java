package org.orgllm.interfaces.temporal;

import java.util.List;
import java.util.function.BiFunction;
import org.orgllm.application.usecases.UseCase;
import org.orgllm.application.usecases.UseCaseOptions;
import org.orgllm.application.usecases.UseCaseRequest;
import org.orgllm.application.usecases.UseCaseResult;

/**
 * One activity: its name, the request record its JSON input decodes into, and the use-case call that
 * answers it.
 */
public record UseCaseBinding<Q extends UseCaseRequest<Q>, R extends Record>(
        String activityName, Class<Q> requestType, BiFunction<Q, UseCaseOptions, UseCaseResult<R>> call) {

    /**
     * The seven activities, each calling {@code useCases}. Pass the container's reference to
     * {@link WorkerUseCases} so the calls run under the worker's identity.
     */
    public static List<UseCaseBinding<?, ?>> all(WorkerUseCases useCases) {
        return List.of(
                of(UseCase.ANALYZE_DOCUMENT, useCases::analyzeDocument),
                of(UseCase.STRATEGY, useCases::recommendStrategy),
                of(UseCase.COMMUNICATION, useCases::draftCommunication),
                of(UseCase.COMPETITOR, useCases::analyzeCompetitor),
                of(UseCase.KNOWLEDGE, useCases::answerQuery),
                of(UseCase.CUSTOMER, useCases::draftCustomerResponse),
                of(UseCase.SUMMARY, useCases::summarize));
    }

    private static <Q extends UseCaseRequest<Q>, R extends Record> UseCaseBinding<Q, R> of(UseCase<Q, R> useCase,
            BiFunction<Q, UseCaseOptions, UseCaseResult<R>> call) {
        return new UseCaseBinding<>(useCase.name(), useCase.requestType(), call);
    }

    /** Runs the call on a request already decoded into {@link #requestType()}. */
    UseCaseResult<R> invoke(Object request, UseCaseOptions options) {
        return call.apply(requestType.cast(request), options);
    }
}
