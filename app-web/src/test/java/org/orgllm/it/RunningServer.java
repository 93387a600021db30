package org.orgllm.it;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.orgllm.db.embedded.ScratchDatabase;
import org.orgllm.models.DemoModelBuilder;

/**
 * The deployed application: Payara Micro in a child JVM with the native jars on its classpath
 * ({@code --addLibs}), the WAR at {@code /}, a scratch database, and the demo model with its
 * {@code techcorp} adapter. A Temporal test server runs in the test JVM on a free port, started before
 * the application so its worker ({@code TEMPORAL_ADDRESS}) serves activities from the first test on.
 */
public final class RunningServer implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(8);

    private final ScratchDatabase database;
    private final Process process;
    private final int port;
    private final Path log;
    private final TestServer.PortBoundTestServer temporal;
    private final int temporalPort;

    private RunningServer(ScratchDatabase database, Process process, int port, Path log,
            TestServer.PortBoundTestServer temporal, int temporalPort) {
        this.database = database;
        this.process = process;
        this.port = port;
        this.log = log;
        this.temporal = temporal;
        this.temporalPort = temporalPort;
    }

    public static RunningServer start() throws IOException, InterruptedException {
        Path war = Path.of(required("orgllm.war"));
        Path payara = Path.of(required("orgllm.payara"));
        Path serverLib = Path.of(required("orgllm.serverLib"));
        Path models = Path.of("target", "it-models").toAbsolutePath();
        DemoModelBuilder.main(new String[] {models.toString()});
        Path log = Path.of("target", "payara-it.log").toAbsolutePath();
        int port = freePort();
        ScratchDatabase database = ScratchDatabase.create("orgllm_it");
        int temporalPort = freePort();
        TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(temporalPort);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules", "jdk.incubator.vector",
                "-Dorg.bytedeco.javacpp.cachedir=" + Path.of(System.getProperty("user.home"), ".javacpp", "cache"),
                "-jar", payara.toString(),
                "--nocluster", "--port", String.valueOf(port), "--contextroot", "/",
                "--addLibs", serverLib.toString(),
                "--deploy", war.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "DB_URL", database.jdbcUrl(),
                "DB_USER", database.user(),
                "DB_PASSWORD", database.password(),
                "ORGLLM_DEMO_SEED", "true",
                "ORGLLM_MODEL_DIR", models.resolve("base").resolve(DemoModelBuilder.BASE_NAME).toString(),
                "ORGLLM_MODELS_ROOT", models.toString(),
                "OPENBLAS_NUM_THREADS", "1",
                "TEMPORAL_ADDRESS", "127.0.0.1:" + temporalPort));
        Process process = builder.start();
        RunningServer server = new RunningServer(database, process, port, log, temporal, temporalPort);
        try {
            server.awaitDeployed();
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitDeployed() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (text.contains("ready in")) {
                try {
                    var response = http.send(HttpRequest.newBuilder(uri("/")).timeout(Duration.ofSeconds(20)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Payara Micro did not deploy the WAR within " + BOOT_TIMEOUT + "; see " + log);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ScratchDatabase database() {
        return database;
    }

    public Path log() {
        return log;
    }

    /** {@code host:port} of the Temporal test server the application's worker serves. */
    public String temporalAddress() {
        return "127.0.0.1:" + temporalPort;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            temporal.close();
            database.close();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven failsafe)");
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
