package org.orgllm.interfaces.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgllm.application.generation.GenerationFailedException;
import org.orgllm.application.generation.ModelUnavailableException;
import org.orgllm.application.generation.OverloadedException;
import org.orgllm.application.generation.PromptTooLargeException;
import org.orgllm.application.usecases.CommunicationRequest;
import org.orgllm.domain.model.generation.Channel;

/**
 * The activities as a workflow in another language calls them: by name, through an untyped stub, with
 * JSON maps that carry fields the records do not know; the services are in-memory fakes.
 */
class UseCaseActivitiesImplTest {

    private TestWorkflowEnvironment env;
    private FakeUseCases fakes;
    private ExecutorService calls;
    private WorkflowClient client;

    @BeforeEach
    void start() {
        // real time: the cancellation test needs the activity to run while the workflow sleeps
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(TemporalJson.dataConverter()).build())
                .setUseTimeskipping(false)
                .build());
        fakes = new FakeUseCases();
        calls = Executors.newCachedThreadPool();
        Worker llm = env.newWorker(TaskQueues.LOCAL_LLM);
        llm.registerActivitiesImplementations(new UseCaseActivitiesImpl(UseCaseBinding.all(fakes.bean()), calls));
        env.newWorker("callers").registerWorkflowImplementationTypes(CallerWorkflowImpl.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void stop() {
        env.close();
        calls.shutdownNow();
        fakes.close();
    }

    /** One minimal payload per activity, plus a field only the (Python) caller knows. */
    static List<Object[]> activities() {
        return List.of(
                new Object[] {"analyze_document_content", Map.of("content", "Q3 revenue grew 18%."), List.of("summary", "key_insights", "organizational_alignment", "strategic_recommendations")},
                new Object[] {"provide_strategic_recommendations", Map.of("scenario", "A competitor cut prices."), List.of("primary_recommendation", "alternative_options", "risk_assessment", "success_metrics", "timeline")},
                new Object[] {"draft_internal_communication", Map.of("communication_type", "team_announcement", "target_audience", "All staff", "topic", "Travel", "key_messages", List.of("Book early")), List.of("subject", "content", "tone_analysis", "brand_consistency", "suggested_improvements")},
                new Object[] {"analyze_competitive_landscape", Map.of("competitor_action", "Globex launched an app."), List.of("threat_assessment", "strategic_implications", "response_options", "recommended_actions", "monitoring_priorities")},
                new Object[] {"answer_organizational_query", Map.of("question", "How much leave?"), List.of("answer", "confidence_score", "source_references", "related_policies", "follow_up_questions")},
                new Object[] {"draft_customer_response", Map.of("customer_message", "Late delivery!"), List.of("draft_response", "tone_analysis", "brand_compliance", "escalation_needed", "suggested_actions")},
                new Object[] {"generate_document_summary", Map.of("content", "The board met.", "max_words", 50), List.of("summary")});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activities")
    @SuppressWarnings("unchecked")
    void eachActivityIsServedByNameWithSnakeCaseJsonAndUnknownFieldsIgnored(String activity, Map<String, Object> fields,
            List<String> resultFields) {
        Map<String, Object> payload = new HashMap<>(fields);
        payload.put("organization_id", "techcorp");
        payload.put("python_only_field", Map.of("nested", 1));

        Map<String, Object> outcome = call(activity, payload);

        assertThat(outcome).containsKey("result");
        assertThat(((Map<String, Object>) outcome.get("result")).keySet()).containsExactlyInAnyOrderElementsOf(resultFields);
        List<FakeUseCases.Call> served = fakes.callsOf(activity);
        assertThat(served).hasSize(1);
        FakeUseCases.Call call = served.getFirst();
        assertThat(call.options().channel()).isEqualTo(Channel.TEMPORAL);
        assertThat(call.options().idempotencyKey()).startsWith("temporal:" + activity + ":");
        assertThat(call.options().onDelta()).isNotNull();
        assertThat(call.options().cancellation().isCancelled()).isFalse();
        assertThat(call.request().toString()).contains("techcorp");
    }

    @Test
    void theRequestRecordGetsEveryKnownSnakeCaseField() {
        call("draft_internal_communication", Map.of("organization_id", "techcorp", "organization_name", "TechCorp",
                "communication_type", "executive_update", "target_audience", "Board", "topic", "Results",
                "key_messages", List.of("Up 18%"), "communication_style", "Plain"));

        assertThat(fakes.callsOf("draft_internal_communication").getFirst().request()).isEqualTo(new CommunicationRequest(
                "techcorp", "TechCorp", "executive_update", "Board", "Results", List.of("Up 18%"), "Plain"));
    }

    static List<Object[]> nonRetryable() {
        return List.of(
                new Object[] {"blank content", "analyze_document_content", Map.of("organization_id", "techcorp", "content", " "), "InvalidInput", "content"},
                new Object[] {"wrong JSON type", "draft_internal_communication", Map.of("organization_id", "techcorp", "communication_type", "team_announcement", "target_audience", "All", "topic", "T", "key_messages", Map.of("not", "a list")), "InvalidInput", "key_messages"},
                new Object[] {"invalid organization id", "generate_document_summary", Map.of("organization_id", "../etc", "content", "x"), "InvalidOrganizationId", "invalid organization id"},
                new Object[] {"unknown organization", "generate_document_summary", Map.of("organization_id", "no-such-org", "content", "x"), "UnknownOrganization", "no-such-org"},
                new Object[] {"content too large", "generate_document_summary", Map.of("organization_id", "techcorp", "content", "x".repeat(200_001)), "ContentTooLarge", "content"},
                new Object[] {"unknown activity", "analyze_everything", Map.of("organization_id", "techcorp"), "UnknownActivity", "analyze_everything"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonRetryable")
    void badInputFailsTypedAndIsNotRetried(String why, String activity, Map<String, Object> payload, String type, String mentions) {
        Map<String, Object> outcome = call(activity, payload);

        assertThat(outcome).containsEntry("error_type", type).containsEntry("non_retryable", true);
        assertThat((String) outcome.get("message")).contains(mentions);
        assertThat(fakes.calls.size()).as("attempts that reached a service").isLessThanOrEqualTo(1);
        assertThat(fakes.generated).isEmpty();
    }

    @Test
    void validationFailuresCarryTheFieldsAsDetails() {
        Map<String, Object> outcome = call("analyze_document_content", Map.of("organization_id", "techcorp", "content", ""));

        assertThat(outcome.get("details")).isEqualTo(List.of(Map.of("field", "content", "message", "must not be blank")));
    }

    @Test
    void aPayloadThatIsNotAnObjectIsInvalidInput() {
        WorkflowStub stub = client.newUntypedWorkflowStub("CallerWorkflow", options());
        stub.start("generate_document_summary", null, 0L, 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> outcome = stub.getResult(Map.class);

        assertThat(outcome).containsEntry("error_type", "InvalidInput").containsEntry("non_retryable", true);
        assertThat(fakes.calls).isEmpty();
    }

    @Test
    void aPromptTooLargeIsNotRetried() {
        fakes.failNext(new PromptTooLargeException("the prompt needs 9000 tokens; the context holds 4096"));

        Map<String, Object> outcome = call("generate_document_summary", summary("Long."));

        assertThat(outcome).containsEntry("error_type", "PromptTooLarge").containsEntry("non_retryable", true);
        assertThat(fakes.calls).hasSize(1);
    }

    @Test
    void anOverloadedEngineIsRetriedAndTheRetrySucceeds() {
        fakes.failNext(new OverloadedException("the queue is full", Duration.ofSeconds(1)));

        Map<String, Object> outcome = call("generate_document_summary", summary("Busy day."));

        assertThat(outcome).containsKey("result");
        assertThat(fakes.calls).hasSize(2);
        assertThat(fakes.calls.get(1).options().idempotencyKey()).isEqualTo(fakes.calls.get(0).options().idempotencyKey());
    }

    @Test
    void aRetryAfterTheResultWasStoredReturnsTheStoredResultWithoutGeneratingAgain() {
        // the first attempt stores its result but its completion is lost (here: it fails afterwards)
        fakes.failAfterStoring(new GenerationFailedException("the completion was lost", null));

        Map<String, Object> outcome = call("generate_document_summary", summary("Stored once."));

        assertThat(outcome).containsEntry("result", Map.of("summary", "A summary."));
        assertThat(fakes.calls).hasSize(2);
        String key = fakes.calls.get(0).options().idempotencyKey();
        assertThat(fakes.calls.get(1).options().idempotencyKey()).isEqualTo(key);
        assertThat(fakes.generated).hasSize(1);
        assertThat(fakes.stored).containsOnlyKeys(key);
    }

    @Test
    void anotherActivityOrAnotherInputGetsAnotherKey() {
        call("generate_document_summary", summary("First."), 0, 2);
        call("generate_document_summary", summary("Second."));

        List<String> keys = fakes.calls.stream().map(c -> c.options().idempotencyKey()).toList();
        assertThat(keys).hasSize(3).doesNotHaveDuplicates();
        assertThat(fakes.generated).hasSize(3);
    }

    @Test
    void aModelThatIsStillLoadingIsRetriedWithADelay() {
        fakes.failNext(new ModelUnavailableException("the model is loading"));
        long started = System.nanoTime();

        Map<String, Object> outcome = call("generate_document_summary", summary("Later."));

        assertThat(outcome).containsKey("result");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(ActivityFailures.MODEL_UNAVAILABLE_DELAY);
    }

    @Test
    void aLongGenerationHeartbeatsItsProgressAndStopsWhenTheActivityIsCancelled() throws Exception {
        fakes.slow = true;
        WorkflowStub stub = client.newUntypedWorkflowStub("CallerWorkflow", options());
        WorkflowExecution execution = stub.start("analyze_document_content",
                Map.of("organization_id", "techcorp", "content", "A long report."), 4_000L, 1);

        Map<String, Object> progress = awaitHeartbeat(execution);
        @SuppressWarnings("unchecked")
        Map<String, Object> outcome = stub.getResult(Map.class);

        assertThat(((Number) progress.get("characters")).longValue()).isPositive();
        assertThat(((Number) progress.get("deltas")).longValue()).isPositive();
        assertThat(progress).containsKey("elapsed_ms");
        assertThat(outcome).containsEntry("error_type", "Canceled");
        assertThat(fakes.observedCancellation).as("the generation saw its cancellation").isTrue();
        assertThat(fakes.generated).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitHeartbeat(WorkflowExecution execution) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var described = env.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
                    DescribeWorkflowExecutionRequest.newBuilder().setNamespace(env.getNamespace()).setExecution(execution).build());
            for (PendingActivityInfo pending : described.getPendingActivitiesList()) {
                if (pending.hasHeartbeatDetails()) {
                    return TemporalJson.dataConverter().fromPayloads(0, java.util.Optional.of(pending.getHeartbeatDetails()),
                            Map.class, Map.class);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no heartbeat within 10 s");
    }

    private static Map<String, Object> summary(String content) {
        return Map.of("organization_id", "techcorp", "content", content);
    }

    private Map<String, Object> call(String activity, Map<String, Object> payload) {
        return call(activity, payload, 0, 1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String activity, Map<String, Object> payload, long cancelAfterMs, int times) {
        CallerWorkflow workflow = client.newWorkflowStub(CallerWorkflow.class, options());
        return workflow.call(activity, payload, cancelAfterMs, times);
    }

    private static WorkflowOptions options() {
        return WorkflowOptions.newBuilder().setTaskQueue("callers").setWorkflowId("caller-" + UUID.randomUUID())
                .setWorkflowExecutionTimeout(Duration.ofMinutes(2)).build();
    }
}
