package org.orgllm.interfaces.temporal.samples;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.orgllm.application.usecases.CommunicationDraft;
import org.orgllm.application.usecases.CommunicationRequest;
import org.orgllm.application.usecases.DocumentAnalysis;
import org.orgllm.application.usecases.DocumentAnalysisRequest;
import org.orgllm.interfaces.temporal.ActivityFailures;
import org.orgllm.interfaces.temporal.TaskQueues;
import org.orgllm.interfaces.temporal.UseCaseActivities;

/**
 * Calls OrgLLM's activities on {@link TaskQueues#LOCAL_LLM} with the options every caller should set:
 * a start-to-close timeout long enough for a generation on a busy CPU, a heartbeat timeout so a lost
 * worker or a cancellation is noticed, and OrgLLM's non-retryable failure types.
 */
public class DocumentReviewWorkflowImpl implements DocumentReviewWorkflow {

    /** The activity options this sample uses; reuse them for your own calls. */
    public static final ActivityOptions LLM_ACTIVITY_OPTIONS = ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.LOCAL_LLM)
            .setStartToCloseTimeout(Duration.ofMinutes(10))
            .setHeartbeatTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(2))
                    .setMaximumInterval(Duration.ofMinutes(1))
                    .setMaximumAttempts(5)
                    .setDoNotRetry(ActivityFailures.NON_RETRYABLE.toArray(String[]::new))
                    .build())
            .build();

    private final UseCaseActivities llm = Workflow.newActivityStub(UseCaseActivities.class, LLM_ACTIVITY_OPTIONS);

    @Override
    public DocumentReview review(DocumentReviewRequest request) {
        // values, name and voice come from the organization's profile: only what is specific is sent
        DocumentAnalysis analysis = llm.analyzeDocumentContent(
                new DocumentAnalysisRequest(request.organizationId(), null, null, request.content()));
        CommunicationDraft note = llm.draftInternalCommunication(new CommunicationRequest(
                request.organizationId(), null, "executive_update", request.targetAudience(),
                "Review of a document: " + abbreviate(analysis.summary(), 400),
                analysis.keyInsights().stream().limit(5).map(s -> abbreviate(s, 500)).toList(), null));
        return new DocumentReview(analysis, note);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
