package com.europages.loadbce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** What a command prints when it fails: never "null", always the type, and the first cause that says more. */
class FailureMessageTest {

    @Test
    void anExceptionWithoutMessageIsNamedByItsTypeAndWhereItWasThrown() {
        String text = FailureMessage.of(new BufferUnderflowException());

        assertThat(text).startsWith("BufferUnderflowException at ").contains("FailureMessageTest").doesNotContain("null");
    }

    @Test
    void aWrapperGetsTheFirstCauseThatSaysSomethingElse() {
        IOException root = new IOException("disk full");
        Exception wrapped = new ExecutionException(new UncheckedIOException("writing part 3", root));

        assertThat(FailureMessage.of(wrapped))
                .isEqualTo("ExecutionException: java.io.UncheckedIOException: writing part 3; caused by IOException: disk full");
    }

    @Test
    void aCauseAlreadyQuotedIsNotRepeated() {
        IOException root = new IOException("disk full");

        assertThat(FailureMessage.of(new RuntimeException(root))).isEqualTo("RuntimeException: java.io.IOException: disk full");
    }

    @Test
    void messagesAreOneBoundedLine() {
        String text = FailureMessage.of(new IllegalStateException("schema:\n  message m {\n" + "x".repeat(2_000) + "\n}"));

        assertThat(text).doesNotContain("\n").hasSizeLessThanOrEqualTo(600).startsWith("IllegalStateException: schema: message m {");
    }
}
