package org.orgllm.interfaces.temporal;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Runs the Temporal worker with the application: started at deployment, stopped at undeployment.
 * Disabled when no {@code TEMPORAL_ADDRESS} is set (and {@code TEMPORAL_EMBEDDED} is not); when
 * Temporal cannot be reached at start, the state is FAILED with the reason and starting is retried every
 * {@link #RETRY_EVERY}. Once running, the SDK's pollers ride out later outages on their own.
 *
 * <p>The use cases run on container-managed threads ({@link ManagedThreadFactory}), one per concurrent
 * activity, so they have the application's naming and class-loading context; the SDK's own activity
 * threads only decode, heartbeat and wait.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TemporalWorker {

    static final Duration RETRY_EVERY = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger(TemporalWorker.class.getName());

    @Inject
    Config config;

    @Inject
    WorkerUseCases useCases;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    TimerService timers;

    private TemporalSettings settings;
    private volatile WorkerStatus status = new WorkerStatus(WorkerStatus.State.STARTING, "starting");
    private Closeable embeddedServer;
    private WorkflowServiceStubs service;
    private WorkerFactory factory;
    private ExecutorService calls;

    @PostConstruct
    void start() {
        try {
            settings = TemporalSettings.from(config);
        } catch (RuntimeException e) {
            status = new WorkerStatus(WorkerStatus.State.FAILED, "invalid configuration: " + e.getMessage());
            LOG.severe(() -> "Temporal worker not started: " + status.reason());
            return;
        }
        if (!settings.enabled()) {
            status = new WorkerStatus(WorkerStatus.State.DISABLED, "TEMPORAL_ADDRESS is not set");
            LOG.info("Temporal worker disabled: TEMPORAL_ADDRESS is not set");
            return;
        }
        tryStart();
    }

    /** Retries a start that failed. */
    @Timeout
    void retry() {
        if (status.state() == WorkerStatus.State.FAILED) {
            tryStart();
        }
    }

    /** What the worker is doing now. */
    public WorkerStatus status() {
        return status;
    }

    /** The configuration in force (null before deployment finished). */
    public TemporalSettings settings() {
        return settings;
    }

    private synchronized void tryStart() {
        try {
            if (settings.embedded() && embeddedServer == null) {
                embeddedServer = TestServer.createPortBoundServer(settings.embeddedPort());
                LOG.warning(() -> "started the embedded Temporal test server on port " + settings.embeddedPort()
                        + " (TEMPORAL_EMBEDDED): for local development only, its state is lost on restart");
            }
            service = WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setTarget(settings.target()).build());
            // fail now, with a reason, rather than leave pollers retrying against nothing
            service.blockingStub().withDeadlineAfter(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            WorkflowClient client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
                    .setNamespace(settings.namespace())
                    .setDataConverter(TemporalJson.dataConverter())
                    .build());
            factory = WorkerFactory.newInstance(client);
            Worker worker = factory.newWorker(settings.taskQueue(), WorkerOptions.newBuilder()
                    .setMaxConcurrentActivityExecutionSize(settings.maxConcurrentActivities())
                    .build());
            calls = Executors.newFixedThreadPool(settings.maxConcurrentActivities(), threads);
            worker.registerActivitiesImplementations(new UseCaseActivitiesImpl(UseCaseBinding.all(useCases), calls));
            factory.start();
            status = new WorkerStatus(WorkerStatus.State.RUNNING, "serving task queue " + settings.taskQueue()
                    + " of namespace " + settings.namespace() + " at " + settings.target());
            LOG.info(() -> "Temporal worker " + status.reason());
        } catch (RuntimeException | LinkageError e) {
            // a broken classpath must not fail the deployment: REST and the portal work without Temporal
            LOG.log(Level.WARNING, "Temporal worker could not start; retrying in " + RETRY_EVERY.toSeconds() + " s", e);
            release();
            status = new WorkerStatus(WorkerStatus.State.FAILED, "cannot serve " + settings.target() + ": " + e.getMessage());
            timers.createSingleActionTimer(RETRY_EVERY.toMillis(), new TimerConfig(null, false));
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (status.state() == WorkerStatus.State.DISABLED) {
            return;
        }
        if (factory != null) {
            // let running activities finish (or notice the shutdown) before the container goes away
            factory.shutdown();
            factory.awaitTermination(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        release();
        if (embeddedServer != null) {
            try {
                embeddedServer.close();
            } catch (java.io.IOException e) {
                LOG.log(Level.WARNING, "the embedded Temporal server did not close cleanly", e);
            }
            embeddedServer = null;
        }
        status = new WorkerStatus(WorkerStatus.State.STOPPED, "the application is shutting down");
    }

    /** Frees what a start created, whether it succeeded or not. */
    private void release() {
        if (factory != null) {
            factory.shutdownNow();
            factory = null;
        }
        if (calls != null) {
            calls.shutdownNow();
            calls = null;
        }
        if (service != null) {
            service.shutdownNow();
            service = null;
        }
    }
}
