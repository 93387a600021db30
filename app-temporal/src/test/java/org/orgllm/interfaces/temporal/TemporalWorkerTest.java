package org.orgllm.interfaces.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker's lifecycle outside the container: disabled, embedded server, unreachable Temporal. */
class TemporalWorkerTest {

    private final AtomicInteger retriesScheduled = new AtomicInteger();
    private final FakeUseCases fakes = new FakeUseCases();

    @AfterEach
    void closeFakes() {
        fakes.close();
    }

    @Test
    void withoutAnAddressTheWorkerIsDisabledAndThatIsReady() {
        TemporalWorker worker = worker(Map.of());

        worker.start();

        assertThat(worker.status().state()).isEqualTo(WorkerStatus.State.DISABLED);
        assertThat(worker.status().ready()).isTrue();
        worker.stop();
        assertThat(worker.status().state()).isEqualTo(WorkerStatus.State.DISABLED);
    }

    @Test
    void theEmbeddedServerIsStartedAndServedFromAnotherClient() throws IOException {
        int port = freePort();
        TemporalWorker worker = worker(Map.of("temporal.embedded", "true", "temporal.embedded.port", String.valueOf(port)));
        worker.start();
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
        try {
            assertThat(worker.status().state()).as(worker.status().reason()).isEqualTo(WorkerStatus.State.RUNNING);
            WorkflowClient client = WorkflowClient.newInstance(service,
                    WorkflowClientOptions.newBuilder().setDataConverter(TemporalJson.dataConverter()).build());
            WorkerFactory callers = WorkerFactory.newInstance(client);
            callers.newWorker("callers").registerWorkflowImplementationTypes(CallerWorkflowImpl.class);
            callers.start();

            Map<String, Object> outcome = client.newWorkflowStub(CallerWorkflow.class, WorkflowOptions.newBuilder()
                    .setTaskQueue("callers").setWorkflowId("caller-" + UUID.randomUUID()).build())
                    .call("generate_document_summary", Map.of("organization_id", "techcorp", "content", "Hi."), 0, 1);

            assertThat(outcome).containsEntry("result", Map.of("summary", "A summary."));
            callers.shutdownNow();
        } finally {
            service.shutdownNow();
            worker.stop();
        }
        assertThat(worker.status().state()).isEqualTo(WorkerStatus.State.STOPPED);
    }

    @Test
    void anUnreachableTemporalIsFailedWithTheReasonAndRetried() throws IOException {
        TemporalWorker worker = worker(Map.of("temporal.address", "127.0.0.1:" + freePort()));

        worker.start();

        assertThat(worker.status().state()).isEqualTo(WorkerStatus.State.FAILED);
        assertThat(worker.status().ready()).isFalse();
        assertThat(worker.status().reason()).contains("127.0.0.1:");
        assertThat(retriesScheduled).hasValue(1);
        worker.stop();
    }

    private TemporalWorker worker(Map<String, String> properties) {
        TemporalWorker worker = new TemporalWorker();
        worker.config = config(properties);
        worker.useCases = fakes.bean();
        worker.threads = new PlainThreads();
        worker.timers = (TimerService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TimerService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createSingleActionTimer")) {
                        retriesScheduled.incrementAndGet();
                    }
                    return null;
                });
        return worker;
    }

    /** A Config over a map, converting the few types the settings read. */
    private static Config config(Map<String, String> properties) {
        return (Config) Proxy.newProxyInstance(TemporalWorkerTest.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getOptionalValue")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String value = properties.get((String) args[0]);
                    Class<?> type = (Class<?>) args[1];
                    if (value == null) {
                        return Optional.empty();
                    }
                    return Optional.of(type == Integer.class ? Integer.valueOf(value)
                            : type == Boolean.class ? Boolean.valueOf(value) : value);
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Plain threads where the container would give managed ones. */
    private static final class PlainThreads implements ManagedThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            return Executors.defaultThreadFactory().newThread(r);
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        }
    }
}
