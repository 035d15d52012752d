package com.europages.loadbce.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.warehouse.DuckDbDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second process on a DuckDB file another process holds (the test JVM here): `serve` exits 1 with one line
 * naming the file and the process that holds it, before starting any embedded server, and no stack trace.
 */
class SecondProcessOnTheWarehouseFileTest {

    @TempDir
    Path dir;

    @Test
    void aLockedWarehouseFileEndsTheSecondProcessWithOneClearLine() throws Exception {
        Path data = dir.resolve("data");
        Path file = data.resolve("warehouse.duckdb");
        try (DuckDbDataSource holder = new DuckDbDataSource(file)) {
            ChildServiceProcess child = ChildServiceProcess.local(data, ChildServiceProcess.freePort(),
                    ChildServiceProcess.freePort(), Map.of());
            ChildServiceProcess.Run run = child.start("serve");
            int exit = run.awaitExit(60);
            List<String> log = Files.readAllLines(run.log(), StandardCharsets.UTF_8);

            assertThat(exit).as("exit code; log " + run.log()).isEqualTo(1);
            List<String> errors = log.stream().filter(l -> l.contains(file.toString())).toList();
            assertThat(errors).as("lines naming the file in %s", log).hasSize(1);
            assertThat(errors.get(0)).startsWith("serve failed: ").contains("in use by another process")
                    .contains("PID " + ProcessHandle.current().pid());
            assertThat(log).as("the warehouse is opened before any embedded server starts")
                    .noneMatch(l -> l.contains("Embedded SQS (ElasticMQ) listening"));
            assertThat(log).as("no stack trace").noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by"));
        }
    }
}
