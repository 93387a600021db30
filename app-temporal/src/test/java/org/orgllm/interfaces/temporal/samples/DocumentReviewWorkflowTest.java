package org.orgllm.interfaces.temporal.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.orgllm.application.usecases.CommunicationRequest;
import org.orgllm.application.usecases.DocumentAnalysisRequest;
import org.orgllm.interfaces.temporal.FakeUseCasesAccess;
import org.orgllm.interfaces.temporal.TaskQueues;
import org.orgllm.interfaces.temporal.TemporalJson;

/** The sample workflow against the activities, with in-memory services behind them. */
class DocumentReviewWorkflowTest {

    @Test
    void analyzesTheDocumentThenDraftsANoteAboutIt() {
        ExecutorService calls = Executors.newCachedThreadPool();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(TemporalJson.dataConverter()).build())
                .build());
             FakeUseCasesAccess fakes = new FakeUseCasesAccess()) {
            env.newWorker(TaskQueues.LOCAL_LLM).registerActivitiesImplementations(fakes.activities(calls));
            DocumentReviewWorker.register(env.getWorkerFactory());
            env.start();

            DocumentReview review = DocumentReviewWorker.review(env.getWorkflowClient(),
                    new DocumentReviewRequest("techcorp", "Q3 revenue grew 18%.", "Leadership team"));

            assertThat(review.analysis().summary()).isEqualTo("Revenue grew.");
            assertThat(review.note().subject()).isEqualTo("Travel policy");
            assertThat(fakes.requests()).hasSize(2);
            assertThat(fakes.requests().get(0)).isEqualTo(new DocumentAnalysisRequest("techcorp", null, null, "Q3 revenue grew 18%."));
            CommunicationRequest note = (CommunicationRequest) fakes.requests().get(1);
            assertThat(note.topic()).contains("Revenue grew.");
            assertThat(note.keyMessages()).containsExactly("Growth");
            assertThat(note.targetAudience()).isEqualTo("Leadership team");
        } finally {
            calls.shutdownNow();
        }
    }
}
