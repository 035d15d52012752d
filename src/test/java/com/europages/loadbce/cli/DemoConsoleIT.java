package com.europages.loadbce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.tools.ExternalCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, run as a user runs it: the packaged jar in its own JVM (its runtime classpath, not the
 * tests'), a small demo day. Stdout holds the progress and the report only; the log goes to the file it names.
 */
class DemoConsoleIT {

    private static final Pattern LOG_LINE = Pattern.compile("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} +(TRACE|DEBUG|INFO|WARN|ERROR)\\b.*");

    /** What the demo prints before its report: where the log goes, its steps, then one progress line per file. */
    private static final List<Pattern> PROGRESS = List.of(
            Pattern.compile("Log: .+/logs/demo\\.log \\(--verbose: on stderr\\)"),
            Pattern.compile("Generating [\\d,]+ rows of \\d{4}-\\d{2}-\\d{2} in 24 files under .+"),
            Pattern.compile("BCE company table: [\\d,]+ companies"),
            Pattern.compile("Uploaded 24 files to s3://\\S+; the local S3 notified the queue of each"),
            Pattern.compile("\\[ ?\\d{1,2}/24] staging/\\S+\\.parquet  [\\d,]+ rows +\\d+%  [\\d,]+ rows/s  ETA \\S+"),
            Pattern.compile(""));

    private static final Pattern REPORT_LINE = Pattern.compile("(day|files loaded / skipped / failed|rows generated|"
            + "rows in the final table|rows without a company match|checksum \\(no load times, ETags\\)|"
            + "completeness \\d{4}-\\d{2}-\\d{2}:|elapsed|warehouse \\(DuckDB file\\)|result) .*");

    @TempDir
    static Path dataDir;

    private static ExternalCommand.Streams demo;

    @BeforeAll
    static void runTheDemo() throws Exception {
        demo = jar(Map.of(), "demo", "--rows", "2400", "--files-per-hour", "1", "--timeout-s", "540");
    }

    /** {@code java -jar target/load-bce-to-s3.jar ARGS} in the project folder, with its data in a temp folder. */
    private static ExternalCommand.Streams jar(Map<String, String> settings, String... args) throws Exception {
        Path jar = Path.of("target", "load-bce-to-s3.jar").toAbsolutePath();
        assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(settings);
        env.put("APP_DATA_DIR", dataDir.toString());
        // any free management port: another service or build on the machine may hold 9876
        env.put("CAMEL_MANAGEMENT_PORT", "0");
        return ExternalCommand.runApart(command, Path.of("").toAbsolutePath(), env, 600);
    }

    @Test
    void stdoutHoldsOnlyTheProgressAndTheReport() {
        assertThat(demo.exitCode()).as(demo.stdout() + demo.stderr()).isZero();
        List<String> lines = demo.stdout().lines().toList();
        int report = lines.indexOf("=== load-bce-to-s3 demo report ===");

        assertThat(lines).as("log lines on stdout").noneMatch(l -> LOG_LINE.matcher(l).matches());
        assertThat(report).as("the report's heading").isPositive();
        assertThat(lines.subList(0, report)).allSatisfy(l -> assertThat(PROGRESS).as(l).anyMatch(p -> p.matcher(l).matches()));
        assertThat(lines.subList(0, report)).filteredOn(l -> l.startsWith("[")).hasSize(24);
        assertThat(lines.subList(report + 1, lines.size())).hasSize(10).allMatch(l -> REPORT_LINE.matcher(l).matches());
        assertThat(lines.get(lines.size() - 1)).matches("result +OK");
        assertThat(demo.stderr()).isEmpty();
    }

    @Test
    void theLogGoesToTheFileNamedOnTheFirstLine() throws Exception {
        String first = demo.stdout().lines().findFirst().orElseThrow();
        Path log = Path.of(first.substring("Log: ".length(), first.indexOf(" (--verbose")));

        assertThat(log).isEqualTo(dataDir.resolve("logs").resolve("demo.log"));
        List<String> transformed = Files.readAllLines(log).stream().filter(l -> l.contains(" - transformed staging/")).toList();
        assertThat(transformed).hasSize(24);
        // the per-file line holds the totals, not every column's counts
        assertThat(transformed).allMatch(l -> l.length() < 300 && !l.contains("columns={"));
    }

    @Test
    void reportJsonPrintsOnlyJsonOnStdout() throws Exception {
        String day = demo.stdout().lines().filter(l -> l.startsWith("day ")).findFirst().orElseThrow().split(" +")[1];

        // the demo delivered one file an hour: the day is complete, and the report exits 0
        ExternalCommand.Streams report = jar(Map.of("INTAKE_EXPECTED_FILES_PER_HOUR", "1"), "report", "--date", day, "--json");

        assertThat(report.exitCode()).as(report.stdout() + report.stderr()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.stdout());
        assertThat(json.path("completeness").isObject()).as(report.stdout()).isTrue();
        assertThat(report.stdout().strip()).startsWith("{").endsWith("}");
    }
}
