package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract violations fail the file with the column and the file named, and leave no output behind. */
class TransformFailuresTest {
    private static final String SCHEMA = "message m { optional binary code (STRING); optional binary name (STRING); }";

    @TempDir
    Path dir;

    private Path input(int rows, int badEvery) throws Exception {
        List<Consumer<Group>> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int n = i;
            list.add(g -> {
                g.add("code", n % badEvery == 0 ? "x" + n : Integer.toString(n));
                g.add("name", "name-" + n);
            });
        }
        return ParquetFiles.write(dir.resolve("in.parquet"), SCHEMA, list);
    }

    @Test
    void missingContractColumnNamesTheColumnAndTheFile() throws Exception {
        Path in = input(10, 100);
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse("columns: [{name: visitor_id, type: varchar(10)}]", "t");

        assertThatThrownBy(() -> new ParquetTransformer(contract).transform(in, out, "staging/f_01.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessageContaining("'visitor_id'")
                .hasMessageContaining("staging/f_01.parquet");
        assertThat(out).doesNotExist();
    }

    @Test
    void unconvertibleShareAboveTheLimitFailsAndNamesTheColumn() throws Exception {
        Path in = input(100, 10); // 10% of the codes are not numbers
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse(
                "max_unconvertible_ratio: 0.05\ncolumns: [{name: code_id, source: code, type: integer}]", "t");

        assertThatThrownBy(() -> new ParquetTransformer(contract).transform(in, out, "staging/f_02.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessageContaining("'code_id'")
                .hasMessageContaining("staging/f_02.parquet")
                .hasMessageContaining("10 of 100");
        assertThat(out).doesNotExist();
    }

    @Test
    void unconvertibleShareUnderTheLimitIsFilledAndCounted() throws Exception {
        Path in = input(100, 10);
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse(
                "max_unconvertible_ratio: 0.2\ncolumns: [{name: code_id, source: code, type: integer}]", "t");

        TransformReport report = new ParquetTransformer(contract).transform(in, out, "k");

        assertThat(report.columns().get("code_id").unconvertible()).isEqualTo(10);
        assertThat(report.droppedColumns()).containsExactly("name");
        assertThat(Files.size(out)).isPositive();
    }

    @Test
    void varcharOverflowWithErrorPolicyFailsAndNamesTheColumn() throws Exception {
        Path in = input(5, 100);
        Path out = dir.resolve("out.parquet");
        ColumnContract contract = ColumnContract.parse(
                "varchar_overflow: error\ncolumns: [{name: short_name, source: name, type: varchar(4)}]", "t");

        assertThatThrownBy(() -> new ParquetTransformer(contract).transform(in, out, "staging/f_03.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessageContaining("'short_name'")
                .hasMessageContaining("staging/f_03.parquet")
                .hasMessageContaining("varchar(4)");
        assertThat(out).doesNotExist();
    }

    @Test
    void unsupportedConversionNamesTheColumnTheFileAndBothTypes() throws Exception {
        Path ints = ParquetFiles.write(dir.resolve("ints.parquet"), "message m { optional int64 n; }", List.of(g -> g.add("n", 1L)));
        ColumnContract timestampFromInteger = ColumnContract.parse("columns: [{name: t, source: n, type: timestamp}]", "t");

        assertThatThrownBy(() -> new ParquetTransformer(timestampFromInteger).transform(ints, dir.resolve("x.parquet"), "s/ints"))
                .isInstanceOf(TransformException.class)
                .hasMessageContaining("'t'")
                .hasMessageContaining("s/ints")
                .hasMessageContaining("int64 n")
                .hasMessageContaining("timestamp");
    }

    @Test
    void fileThatIsNotParquetIsATransformErrorNamingTheFile() throws Exception {
        Path in = Files.writeString(dir.resolve("broken.parquet"), "this is not parquet, only some text long enough");
        ColumnContract contract = ColumnContract.parse("columns: [{name: code, type: integer}]", "t");

        assertThatThrownBy(() -> new ParquetTransformer(contract).transform(in, dir.resolve("o.parquet"), "staging/broken.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessageContaining("staging/broken.parquet");
        assertThat(dir.resolve("o.parquet")).doesNotExist();
    }
}
