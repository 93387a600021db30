package org.orgllm.interfaces.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.util.Durations;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.command.v1.Command;
import io.temporal.api.command.v1.CompleteWorkflowExecutionCommandAttributes;
import io.temporal.api.command.v1.ScheduleActivityTaskCommandAttributes;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.enums.v1.CommandType;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueResponse;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orgllm.interfaces.temporal.samples.DocumentReview;
import org.orgllm.interfaces.temporal.samples.DocumentReviewRequest;
import org.orgllm.interfaces.temporal.samples.DocumentReviewWorker;
import org.orgllm.it.DeployedApplication;
import org.orgllm.it.Http;
import org.orgllm.it.RunningServer;

/**
 * The deployed application's worker serving activities to workflows of another process (this test JVM)
 * through the Temporal test server the harness starts: by name, with the demo model and the techcorp
 * adapter, under the worker's system identity.
 */
@ExtendWith(DeployedApplication.class)
class TemporalWorkerIT {

    private static final String CALLERS = "it-callers";
    private static final String RAW = "it-raw";
    private static final DataConverter JSON = TemporalJson.dataConverter();

    private static RunningServer server;
    private static WorkflowServiceStubs service;
    private static WorkflowClient client;
    private static WorkerFactory factory;

    /** Calls one activity by name, as a Python or TypeScript workflow would; failures come back typed. */
    @WorkflowInterface
    public interface ByNameWorkflow {
        @WorkflowMethod
        Map<String, Object> call(String activity, Map<String, Object> payload);
    }

    public static class ByNameWorkflowImpl implements ByNameWorkflow {
        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> call(String activity, Map<String, Object> payload) {
            var llm = Workflow.newUntypedActivityStub(ActivityOptions.newBuilder()
                    .setTaskQueue(TaskQueues.LOCAL_LLM)
                    .setStartToCloseTimeout(Duration.ofMinutes(10))
                    .setHeartbeatTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
                    .build());
            try {
                return Map.of("result", llm.execute(activity, Map.class, payload));
            } catch (ActivityFailure f) {
                Map<String, Object> outcome = new LinkedHashMap<>();
                if (f.getCause() instanceof ApplicationFailure a) {
                    outcome.put("error_type", a.getType());
                    outcome.put("non_retryable", a.isNonRetryable());
                    outcome.put("message", a.getOriginalMessage());
                } else {
                    outcome.put("error_type", f.getCause().getClass().getSimpleName());
                }
                return outcome;
            }
        }
    }

    @BeforeAll
    static void connect(RunningServer running) {
        server = running;
        service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(running.temporalAddress()).build());
        client = DocumentReviewWorker.client(service, "default");
        factory = WorkerFactory.newInstance(client);
        factory.newWorker(CALLERS).registerWorkflowImplementationTypes(ByNameWorkflowImpl.class);
        DocumentReviewWorker.register(factory);
        factory.start();
    }

    @AfterAll
    static void disconnect() {
        factory.shutdownNow();
        service.shutdownNow();
    }

    @Test
    void theWorkerIsReady() throws Exception {
        JsonNode checks = new Http(server).get("/health/ready", null).json().get("checks");
        JsonNode worker = null;
        for (JsonNode check : checks) {
            if (check.get("name").asText().equals("temporal-worker")) {
                worker = check;
            }
        }
        assertThat(worker).as(checks.toString()).isNotNull();
        assertThat(worker.get("status").asText()).isEqualTo("UP");
        assertThat(worker.get("data").get("state").asText()).isEqualTo("RUNNING");
        assertThat(worker.get("data").get("task_queue").asText()).isEqualTo(TaskQueues.LOCAL_LLM);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWorkflowOfAnotherProcessCallsActivitiesByNameForTechcorp() throws Exception {
        Map<String, Object> analysis = call("analyze_document_content", Map.of("organization_id", "techcorp",
                "content", "Q3 revenue grew 18%. Churn fell. We opened an EU office.", "python_only_field", true));
        Map<String, Object> summary = call("generate_document_summary", Map.of("organization_id", "techcorp",
                "content", "The board approved the analytics launch for Q2.", "max_words", 50));

        assertThat(analysis).as(analysis.toString()).containsKey("result");
        Map<String, Object> a = (Map<String, Object>) analysis.get("result");
        assertThat(a.keySet()).containsExactlyInAnyOrder("summary", "key_insights", "organizational_alignment",
                "strategic_recommendations");
        assertThat(((Number) a.get("organizational_alignment")).doubleValue()).isBetween(0.0, 1.0);
        assertThat(summary).as(summary.toString()).containsKey("result");
        assertThat(((Map<String, Object>) summary.get("result")).get("summary")).isInstanceOf(String.class);

        try (Connection c = server.database().connect(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT use_case, channel, requested_by, idempotency_key, status, adapter_version "
                     + "FROM generations WHERE channel = 'temporal' AND use_case IN ('analyze_document_content', "
                     + "'generate_document_summary') ORDER BY created_at")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertThat(rs.getString("status")).isEqualTo("SUCCEEDED");
                assertThat(rs.getString("requested_by")).isEqualTo(WorkerUseCases.PRINCIPAL);
                assertThat(rs.getString("idempotency_key")).startsWith("temporal:" + rs.getString("use_case") + ":");
                assertThat(rs.getString("adapter_version")).isEqualTo("techcorp@v1");
            }
            assertThat(rows).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void anUnknownOrganizationFailsTypedAndIsNotRetried() throws Exception {
        long before = count();

        Map<String, Object> outcome = call("generate_document_summary",
                Map.of("organization_id", "no-such-org", "content", "x"));

        assertThat(outcome).containsEntry("error_type", "UnknownOrganization").containsEntry("non_retryable", true);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theSampleWorkflowReviewsADocumentAndDraftsANote() {
        DocumentReview review = DocumentReviewWorker.review(client,
                new DocumentReviewRequest("techcorp", "Our new warehouse app cut delivery times by 20%.", "Leadership team"));

        assertThat(review.analysis().summary()).isNotBlank();
        assertThat(review.note().subject()).isNotBlank();
        assertThat(review.note().content()).isNotBlank();
    }

    /**
     * A Python or TypeScript workflow numbers its activities ("1", "2", ...): a new run under the same
     * workflow id with the same request gets the stored result instead of a new generation. Driven here
     * through the raw workflow-task API, which lets this test choose the activity id as those SDKs do.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aRepeatedActivityIsAnsweredFromTheStoredResultWithoutGeneratingAgain() throws Exception {
        String workflowId = "raw-" + UUID.randomUUID();
        Map<String, Object> payload = Map.of("organization_id", "techcorp", "content", "Replay me: sales doubled.");

        Map<String, Object> first = runRawWorkflow(workflowId, "generate_document_summary", payload);
        long afterFirst = count();
        Map<String, Object> second = runRawWorkflow(workflowId, "generate_document_summary", payload);

        assertThat(second).isEqualTo(first);
        assertThat(count()).as("no new generation for the repeat").isEqualTo(afterFirst);
        try (Connection c = server.database().connect(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM generations WHERE idempotency_key LIKE "
                     + "'temporal:generate_document_summary:%' AND request_json ->> 'content' = 'Replay me: sales doubled.'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    private Map<String, Object> call(String activity, Map<String, Object> payload) {
        ByNameWorkflow workflow = client.newWorkflowStub(ByNameWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(CALLERS).setWorkflowId("by-name-" + UUID.randomUUID()).build());
        return workflow.call(activity, payload);
    }

    /** One workflow run that schedules activity "1" and completes with its result. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> runRawWorkflow(String workflowId, String activity, Map<String, Object> payload) {
        WorkflowStub run = client.newUntypedWorkflowStub("RawCaller",
                WorkflowOptions.newBuilder().setTaskQueue(RAW).setWorkflowId(workflowId).build());
        run.start();
        var rpc = service.blockingStub();
        PollWorkflowTaskQueueResponse task = pollWorkflowTask();
        rpc.respondWorkflowTaskCompleted(RespondWorkflowTaskCompletedRequest.newBuilder()
                .setNamespace("default").setIdentity("it").setTaskToken(task.getTaskToken())
                .addCommands(Command.newBuilder().setCommandType(CommandType.COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK)
                        .setScheduleActivityTaskCommandAttributes(ScheduleActivityTaskCommandAttributes.newBuilder()
                                .setActivityId("1")
                                .setActivityType(ActivityType.newBuilder().setName(activity))
                                .setTaskQueue(TaskQueue.newBuilder().setName(TaskQueues.LOCAL_LLM))
                                .setInput(JSON.toPayloads(payload).orElseThrow())
                                .setStartToCloseTimeout(Durations.fromSeconds(600))
                                .setHeartbeatTimeout(Durations.fromSeconds(30))))
                .build());
        PollWorkflowTaskQueueResponse done = pollWorkflowTask();
        HistoryEvent completed = done.getHistory().getEventsList().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the activity did not complete: " + done.getHistory()));
        var result = completed.getActivityTaskCompletedEventAttributes().getResult();
        rpc.respondWorkflowTaskCompleted(RespondWorkflowTaskCompletedRequest.newBuilder()
                .setNamespace("default").setIdentity("it").setTaskToken(done.getTaskToken())
                .addCommands(Command.newBuilder().setCommandType(CommandType.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION)
                        .setCompleteWorkflowExecutionCommandAttributes(
                                CompleteWorkflowExecutionCommandAttributes.newBuilder().setResult(result)))
                .build());
        return JSON.fromPayloads(0, Optional.of(result), Map.class, Map.class);
    }

    private PollWorkflowTaskQueueResponse pollWorkflowTask() {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            PollWorkflowTaskQueueResponse task = service.blockingStub().pollWorkflowTaskQueue(
                    PollWorkflowTaskQueueRequest.newBuilder().setNamespace("default").setIdentity("it")
                            .setTaskQueue(TaskQueue.newBuilder().setName(RAW)).build());
            if (!task.getTaskToken().isEmpty()) {
                return task;
            }
        }
        throw new AssertionError("no workflow task on " + RAW);
    }

    private static long count() throws Exception {
        try (Connection c = server.database().connect(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM generations")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
