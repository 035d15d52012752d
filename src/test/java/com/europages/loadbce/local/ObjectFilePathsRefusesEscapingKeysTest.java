package com.europages.loadbce.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The key-to-path mapping refuses every key that is not a plain file path inside its bucket's folder. */
class ObjectFilePathsRefusesEscapingKeysTest {

    private final Path root = Path.of("/srv/data/s3");
    private final ObjectFilePaths paths = new ObjectFilePaths(root);

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"..", "../other-bucket/x", "staging/../../etc/passwd", "staging/..", "a/./b", ".",
            "/etc/passwd", "staging//x", "staging/", "staging/x\u0000.parquet"})
    void refusesKey(String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> paths.path("ep-analytics", key));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"..", "../ep-analytics", "Upper", "a/b", "x"})
    void refusesBucket(String bucket) {
        assertThatIllegalArgumentException().isThrownBy(() -> paths.path(bucket, "staging/x.parquet"));
    }

    @Test
    void keepsDotsInsideNamesAndSpecialCharacters() {
        assertThat(paths.path("ep-analytics", "staging/..hidden/a..b/été x+y=z.parquet"))
                .isEqualTo(root.resolve("ep-analytics/staging/..hidden/a..b/été x+y=z.parquet"));
    }
}
