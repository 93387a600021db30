package org.orgllm.interfaces.temporal;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.ActivityStub;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class CallerWorkflowImpl implements CallerWorkflow {

    private final ActivityStub llm = Workflow.newUntypedActivityStub(ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.LOCAL_LLM)
            .setStartToCloseTimeout(Duration.ofMinutes(1))
            .setHeartbeatTimeout(Duration.ofSeconds(2))
            .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofMillis(200))
                    .setBackoffCoefficient(1.0)
                    .setMaximumAttempts(3)
                    .build())
            .build());

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> call(String activity, Map<String, Object> payload, long cancelAfterMs, int times) {
        try {
            if (cancelAfterMs > 0) {
                List<Promise<Map>> running = new ArrayList<>();
                CancellationScope scope = Workflow.newCancellationScope(
                        () -> running.add(llm.executeAsync(activity, Map.class, payload)));
                scope.run();
                Workflow.sleep(Duration.ofMillis(cancelAfterMs));
                scope.cancel();
                return Map.of("result", running.getFirst().get());
            }
            List<Object> results = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                results.add(llm.execute(activity, Map.class, payload));
            }
            return Map.of("result", times == 1 ? results.getFirst() : results);
        } catch (ActivityFailure f) {
            Map<String, Object> outcome = new LinkedHashMap<>();
            switch (f.getCause()) {
                case ApplicationFailure a -> {
                    outcome.put("error_type", a.getType());
                    outcome.put("non_retryable", a.isNonRetryable());
                    outcome.put("message", a.getOriginalMessage());
                    if (a.getDetails().getSize() > 0) {
                        outcome.put("details", a.getDetails().get(0, List.class));
                    }
                }
                case CanceledFailure c -> outcome.put("error_type", "Canceled");
                default -> outcome.put("error_type", f.getCause().getClass().getSimpleName());
            }
            return outcome;
        }
    }
}
