package org.orgllm.interfaces.temporal.samples;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.util.UUID;
import org.orgllm.interfaces.temporal.TaskQueues;
import org.orgllm.interfaces.temporal.TemporalJson;

/**
 * The worker wiring of the sample, as a caller's own process would have it: a client with OrgLLM's JSON
 * conventions, a worker for the workflow on {@link TaskQueues#DOCUMENT_REVIEW}. Run {@link #main} against
 * a Temporal server where OrgLLM's worker serves {@link TaskQueues#LOCAL_LLM}:
 * {@code java -cp ... DocumentReviewWorker 127.0.0.1:7233 techcorp "Q3 revenue grew 18%."}.
 */
public final class DocumentReviewWorker {

    private DocumentReviewWorker() {}

    /** A client with the data converter every OrgLLM caller needs (snake_case, unknown fields ignored). */
    public static WorkflowClient client(WorkflowServiceStubs service, String namespace) {
        return WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
                .setNamespace(namespace)
                .setDataConverter(TemporalJson.dataConverter())
                .build());
    }

    /** Registers the sample workflow on {@link TaskQueues#DOCUMENT_REVIEW}; start the factory afterwards. */
    public static void register(WorkerFactory factory) {
        factory.newWorker(TaskQueues.DOCUMENT_REVIEW).registerWorkflowImplementationTypes(DocumentReviewWorkflowImpl.class);
    }

    /** Starts a review and waits for it. */
    public static DocumentReview review(WorkflowClient client, DocumentReviewRequest request) {
        DocumentReviewWorkflow workflow = client.newWorkflowStub(DocumentReviewWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.DOCUMENT_REVIEW)
                .setWorkflowId("document-review-" + UUID.randomUUID())
                .build());
        return workflow.review(request);
    }

    /** {@code address organization content}: runs one review and prints it. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: DocumentReviewWorker <temporal host:port> <organization id> <document text>");
            System.exit(2);
        }
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(args[0]).build());
        WorkflowClient client = client(service, "default");
        WorkerFactory factory = WorkerFactory.newInstance(client);
        register(factory);
        factory.start();
        try {
            System.out.println(review(client, new DocumentReviewRequest(args[1], args[2], "Leadership team")));
        } finally {
            factory.shutdown();
            service.shutdown();
        }
    }
}
