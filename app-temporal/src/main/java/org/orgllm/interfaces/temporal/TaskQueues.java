package org.orgllm.interfaces.temporal;

/** The task queues OrgLLM takes part in. */
public final class TaskQueues {

    /** Where the worker serves the use-case activities (the default of {@code TEMPORAL_TASK_QUEUE}). */
    public static final String LOCAL_LLM = "local-llm";

    /** Where the sample {@code DocumentReviewWorkflow} runs, in the caller's own worker. */
    public static final String DOCUMENT_REVIEW = "document-review";

    private TaskQueues() {}
}
