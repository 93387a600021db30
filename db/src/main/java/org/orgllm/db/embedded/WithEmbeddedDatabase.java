package org.orgllm.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the command after {@code --} as a child process with {@code DB_URL}, {@code DB_USER} and
 * {@code DB_PASSWORD} pointing at a database. When the environment already names a database
 * ({@code DB_URL}), it is used as is; otherwise an embedded PostgreSQL is started on a free port
 * with its data in a persistent folder.
 *
 * <p>The parent owns the child's life: Ctrl-C, {@code SIGTERM} or the child's own exit stop the
 * child first and then PostgreSQL, so no process is left behind.
 *
 * <p>Usage: {@code WithEmbeddedDatabase [--data DIR] [--database NAME] [--announce URL] -- command args...}
 */
public final class WithEmbeddedDatabase {

    private static final long CHILD_STOP_SECONDS = 60;

    private static boolean stopped;

    private WithEmbeddedDatabase() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        options.announce().ifPresent(WithEmbeddedDatabase::announceWhenUp);
        Map<String, String> env = System.getenv();
        if (env.get("DB_URL") != null && !env.get("DB_URL").isBlank()) {
            System.out.println("[orgllm] using the database at " + env.get("DB_URL"));
            System.exit(runChild(options.command, Map.of(), null));
        }
        Files.createDirectories(options.dataDir);
        System.out.println("[orgllm] starting embedded PostgreSQL, data in " + options.dataDir.toAbsolutePath());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(options.dataDir)
                .setCleanDataDirectory(false)
                .start();
        createDatabaseIfMissing(postgres, options.database);
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + options.database;
        System.out.println("[orgllm] embedded PostgreSQL ready at " + url);
        int code = runChild(options.command,
                Map.of("DB_URL", url, "DB_USER", "postgres", "DB_PASSWORD", ""),
                postgres);
        System.exit(code);
    }

    /** Creates the application database on first start; later starts find it in the data folder. */
    static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("invalid database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        }
    }

    /** Prints the service URL once it answers, so the person who started it knows where to go. */
    private static void announceWhenUp(String url) {
        Thread watcher = new Thread(() -> {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long start = System.nanoTime();
            while (System.nanoTime() - start < Duration.ofMinutes(15).toNanos()) {
                try {
                    int status = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 200) {
                        // the server answers before the application is deployed
                        sleep();
                        continue;
                    }
                    System.out.printf("%n[orgllm] OrgLLM is up at %s (started in %d s; Ctrl-C stops it)%n%n",
                            url, (System.nanoTime() - start) / 1_000_000_000L);
                    return;
                } catch (IOException e) {
                    sleep();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "orgllm-announce");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int runChild(List<String> command, Map<String, String> extraEnv, EmbeddedPostgres postgres)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(extraEnv);
        Process child = builder.start();
        Thread stopper = new Thread(() -> stop(child, postgres), "orgllm-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        int code = child.waitFor();
        try {
            // The child ended on its own: stop PostgreSQL now rather than in the hook.
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C or SIGTERM: the hook is already stopping everything; let it finish.
            stopper.join();
            return code;
        }
        stop(child, postgres);
        return code;
    }

    private static synchronized void stop(Process child, EmbeddedPostgres postgres) {
        try {
            if (child.isAlive()) {
                child.destroy();
                if (!child.waitFor(CHILD_STOP_SECONDS, TimeUnit.SECONDS)) {
                    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
        }
        if (postgres != null && !stopped) {
            stopped = true;
            try {
                postgres.close();
                System.out.println("[orgllm] embedded PostgreSQL stopped");
            } catch (IOException e) {
                System.err.println("[orgllm] could not stop embedded PostgreSQL cleanly: " + e.getMessage());
            }
        }
    }

    /** Command-line options; everything after {@code --} is the child command. */
    record Options(Path dataDir, String database, Optional<String> announce, List<String> command) {
        static Options parse(String[] args) {
            Path data = Path.of("data", "postgres");
            String database = "orgllm";
            String announce = null;
            int i = 0;
            for (; i < args.length && !args[i].equals("--"); i++) {
                switch (args[i]) {
                    case "--data" -> data = Path.of(args[++i]);
                    case "--database" -> database = args[++i];
                    case "--announce" -> announce = args[++i];
                    default -> throw new IllegalArgumentException("unknown option: " + args[i]);
                }
            }
            List<String> command = i < args.length ? new ArrayList<>(Arrays.asList(args).subList(i + 1, args.length)) : List.of();
            if (command.isEmpty()) {
                throw new IllegalArgumentException("usage: WithEmbeddedDatabase [--data DIR] [--database NAME] -- command...");
            }
            return new Options(data, database, Optional.ofNullable(announce), command);
        }
    }
}
