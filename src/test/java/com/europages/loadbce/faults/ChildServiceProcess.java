package com.europages.loadbce.faults;

import com.europages.loadbce.config.AppConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as its own JVM: in the production profile, pointed at the test JVM's embedded SQS and S3 and at a
 * DuckDB file, or in the local profile with its own embedded servers, or in the production profile pointed at
 * other endpoints. It can be killed for real (SIGKILL) or stopped as a container would be (SIGTERM).
 */
public final class ChildServiceProcess {

    private static final List<String> OWN_ENV_PREFIXES = List.of("AWS_", "APP_", "SQS_", "S3_", "WAREHOUSE_",
            "TRANSFORM_", "INTAKE_", "CAMEL_", "LOCAL_");

    private final Map<String, String> env;
    private final Path logDir;
    private int runs;

    private ChildServiceProcess(Map<String, String> env, Path dataDir) throws IOException {
        this.logDir = Files.createDirectories(dataDir.resolve("logs"));
        this.env = env;
    }

    /**
     * The local profile in its own JVM: its own embedded SQS and S3 on the given ports (the test reaches them there)
     * and its DuckDB file under the data folder.
     */
    static ChildServiceProcess local(Path dataDir, int sqsPort, int s3Port, Map<String, String> extra) throws IOException {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "APP_CONFIG_DIR", Path.of("").toAbsolutePath().toString(),
                "APP_PROFILE", "local",
                "APP_DATA_DIR", dataDir.toString(),
                "LOCAL_SQS_PORT", Integer.toString(sqsPort),
                "LOCAL_S3_PORT", Integer.toString(s3Port),
                "CAMEL_MANAGEMENT_PORT", Integer.toString(freePort())));
        env.putAll(extra);
        return new ChildServiceProcess(env, dataDir);
    }

    /**
     * The production profile with exactly these variables (plus the project's configuration folder and a free
     * management port); none of the build's own AWS_, APP_, ... variables reach the child.
     */
    public static ChildServiceProcess production(Path dataDir, Map<String, String> variables) throws IOException {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "APP_CONFIG_DIR", Path.of("").toAbsolutePath().toString(),
                "APP_PROFILE", "production",
                "APP_DATA_DIR", dataDir.toString(),
                "CAMEL_MANAGEMENT_PORT", Integer.toString(freePort())));
        env.putAll(variables);
        return new ChildServiceProcess(env, dataDir);
    }

    /** @param wired the test JVM's configuration wired to its embedded servers */
    ChildServiceProcess(AppConfig wired, Path warehouseFile, Path dataDir, Map<String, String> extra) throws IOException {
        this.logDir = Files.createDirectories(dataDir.resolve("logs"));
        this.env = new java.util.HashMap<>(Map.of(
                "APP_CONFIG_DIR", Path.of("").toAbsolutePath().toString(),
                "APP_PROFILE", "production",
                "APP_DATA_DIR", dataDir.toString(),
                "SQS_ENDPOINT", wired.get("sqs.endpoint"),
                "S3_ENDPOINT", wired.get("s3.endpoint"),
                "S3_FORCE_PATH_STYLE", "true",
                // the production path: credentials from the default chain, here its environment variables
                "AWS_ACCESS_KEY_ID", wired.get("local.access-key"),
                "AWS_SECRET_ACCESS_KEY", wired.get("local.secret-key"),
                "WAREHOUSE_DIALECT", "duckdb"));
        env.put("WAREHOUSE_URL", "jdbc:duckdb:" + warehouseFile);
        env.put("SQS_VISIBILITY_TIMEOUT_S", wired.get("sqs.visibility-timeout-s"));
        env.put("SQS_WAIT_TIME_S", "1");
        env.put("CAMEL_MANAGEMENT_PORT", Integer.toString(freePort()));
        env.putAll(extra);
    }

    /** The same child with more environment variables; its runs share the log folder. */
    ChildServiceProcess withEnv(Map<String, String> more) throws IOException {
        Map<String, String> copy = new java.util.HashMap<>(env);
        copy.putAll(more);
        ChildServiceProcess c = new ChildServiceProcess(copy, logDir.getParent());
        c.runs = runs + 100;
        return c;
    }

    /** Starts {@code serve} or {@code drain ...}; output goes to a log file per run. */
    public Run start(String... command) throws IOException {
        return startWith(List.of(), command);
    }

    /** The same, through a launcher that ends by exec-ing the java command it is given (e.g. unshare). */
    Run startWith(List<String> launcher, String... command) throws IOException {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", runtimeClassPath(),
                "com.europages.loadbce.Application"));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> OWN_ENV_PREFIXES.stream().anyMatch(k::startsWith));
        pb.environment().putAll(env);
        Path log = logDir.resolve("run-" + (++runs) + "-" + command[0] + ".log");
        pb.redirectOutput(log.toFile());
        return new Run(pb.start(), log);
    }

    /**
     * The service's own classes and its runtime dependencies only, as the packaged jar has them: the test class path
     * carries test-scoped jars (camel-test brings camel-file and camel-timer) that would hide one missing at run time.
     */
    static String runtimeClassPath() throws IOException {
        Path listed = Path.of("target", "runtime-classpath.txt");
        if (!Files.isRegularFile(listed)) {
            throw new IllegalStateException(listed + " is missing: it is written by Maven's generate-test-resources phase"
                    + " (run the tests through mvn)");
        }
        return Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(listed, StandardCharsets.UTF_8).strip();
    }

    /** Every run's output so far. */
    public String allLogs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(logDir)) {
            for (Path p : files.sorted().toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** One child JVM and its log. */
    public record Run(Process process, Path log) {

        /** Lines of the log containing the text, so far. */
        public long count(String text) throws IOException {
            if (!Files.exists(log)) {
                return 0;
            }
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().filter(l -> l.contains(text)).count();
        }

        public int awaitExit(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("child did not exit within " + seconds + " s; log " + log);
            }
            return process.exitValue();
        }
    }
}
