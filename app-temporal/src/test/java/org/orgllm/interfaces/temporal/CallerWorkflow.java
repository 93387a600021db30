package org.orgllm.interfaces.temporal;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.Map;

/**
 * A test workflow that calls one activity by name through an untyped stub, the way a workflow in
 * another language does, and reports what it saw: {@code {"result": {...}}} or
 * {@code {"error_type", "non_retryable", "message"}}.
 */
@WorkflowInterface
public interface CallerWorkflow {

    /**
     * @param cancelAfterMs when positive, the activity is cancelled after this long
     * @param times how often to call the activity (each call is a new activity with its own id)
     */
    @WorkflowMethod
    Map<String, Object> call(String activity, Map<String, Object> payload, long cancelAfterMs, int times);
}
