package org.orgllm.interfaces.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityMethod;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.orgllm.application.usecases.UseCase;

/** The typed interface, the served bindings and the use cases agree on names and types. */
class UseCaseActivitiesContractTest {

    @Test
    void theTypedInterfaceNamesExactlyTheUseCasesWithTheirRecords() {
        Map<String, Method> methods = Arrays.stream(UseCaseActivities.class.getDeclaredMethods())
                .collect(Collectors.toMap(m -> m.getAnnotation(ActivityMethod.class).name(), m -> m));

        assertThat(methods.keySet()).containsExactlyInAnyOrder("analyze_document_content",
                "provide_strategic_recommendations", "draft_internal_communication", "analyze_competitive_landscape",
                "answer_organizational_query", "draft_customer_response", "generate_document_summary");
        for (UseCase<?, ?> useCase : UseCase.ALL) {
            Method method = methods.get(useCase.name());
            assertThat(method).as(useCase.name()).isNotNull();
            assertThat(method.getParameterTypes()).containsExactly(useCase.requestType());
            assertThat(method.getReturnType()).isEqualTo(useCase.responseType());
        }
    }

    @Test
    void theWorkerServesEveryUseCase() {
        assertThat(UseCaseBinding.all(new WorkerUseCases()).stream().map(UseCaseBinding::activityName))
                .containsExactlyInAnyOrderElementsOf(UseCase.ALL.stream().map(UseCase::name).toList());
    }
}
