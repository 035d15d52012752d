package com.europages.loadbce.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.tools.ExternalCommand;
import com.europages.loadbce.tools.ExternalCommand.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CloudFormation template passes cfn-lint with no error and no warning. */
class CfnLintTest {

    private static final Path TEMPLATE = Path.of("deploy/cloudformation/load-bce-to-s3.yaml");

    @Test
    void templateHasNoErrorOrWarning() throws Exception {
        Result lint = lint(TEMPLATE);

        assertThat(lint.output()).as("cfn-lint findings").isBlank();
        assertThat(lint.exitCode()).isZero();
    }

    @Test
    void aWarningInTheTemplateIsReported(@TempDir Path dir) throws Exception {
        // a parameter nobody uses is a warning (W2001): the lint above would fail on such a change
        String template = Files.readString(TEMPLATE, StandardCharsets.UTF_8)
                .replace("Parameters:\n", "Parameters:\n  NobodyUsesThis:\n    Type: String\n");
        Path changed = Files.writeString(dir.resolve("template.yaml"), template);

        Result lint = lint(changed);

        assertThat(lint.output()).contains("W2001").contains("NobodyUsesThis");
        assertThat(lint.exitCode()).isNotZero();
    }

    private static Result lint(Path template) throws Exception {
        return ExternalCommand.run(List.of("cfn-lint", "--format", "parseable", "--non-zero-exit-code", "warning",
                template.toString()), Map.of(), 120);
    }
}
