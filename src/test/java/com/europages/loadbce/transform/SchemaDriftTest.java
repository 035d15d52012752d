package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose columns differ from the contract: source columns the contract does not name are dropped and listed;
 * a contract column the file lacks fails the file, or takes its fill in every row when the contract says
 * {@code missing: fill} (per column) or {@code missing_column: fill} (for the table).
 */
class SchemaDriftTest {

    /** The export gained ep_new_prop and lost page_type. */
    static final String SCHEMA = "message m { optional binary visitor_id (STRING); optional int32 ep_new_prop; }";

    @TempDir
    Path dir;

    Path input() throws Exception {
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            rows.add(g -> {
                g.add("visitor_id", "v" + n);
                g.add("ep_new_prop", n);
            });
        }
        return ParquetFiles.write(dir.resolve("in.parquet"), SCHEMA, rows);
    }

    static ColumnContract contract(String tableSetting, String pageTypeSetting) {
        return ColumnContract.parse(tableSetting + "columns:\n  - {name: visitor_id, type: varchar(10)}\n"
                + "  - {name: page_type, type: varchar(20), fill: unknown" + pageTypeSetting + "}\n", "t");
    }

    @Test
    void aMissingColumnFailsTheFileByDefault() throws Exception {
        Path in = input();
        Path out = dir.resolve("out.parquet");

        assertThatThrownBy(() -> new ParquetTransformer(contract("", "")).transform(in, out, "staging/f.parquet"))
                .isInstanceOf(TransformException.class)
                .hasMessage("Column 'page_type' required by the contract is missing from staging/f.parquet");
        assertThat(out).doesNotExist();
    }

    @Test
    void aColumnMarkedFillTakesItsFillInEveryRowAndTheReportNamesItAndTheNewColumn() throws Exception {
        Path out = dir.resolve("out.parquet");

        TransformReport report = new ParquetTransformer(contract("", ", missing: fill"))
                .transform(input(), out, "staging/f.parquet");

        assertThat(report.filledColumns()).containsExactly("page_type");
        assertThat(report.droppedColumns()).containsExactly("ep_new_prop");
        assertThat(report.columns().get("page_type").replaced()).isEqualTo(5);
        try (DuckDb duck = new DuckDb()) {
            assertThat(duck.strings("SELECT DISTINCT page_type FROM read_parquet('" + out + "')"))
                    .containsExactly("unknown");
            assertThat(duck.strings("SELECT visitor_id FROM read_parquet('" + out + "') ORDER BY 1"))
                    .containsExactly("v0", "v1", "v2", "v3", "v4");
        }
    }

    @Test
    void theTableSettingAppliesToEveryColumnAndAColumnCanStillRefuse() throws Exception {
        Path in = input();

        TransformReport filled = new ParquetTransformer(contract("missing_column: fill\n", ""))
                .transform(in, dir.resolve("a.parquet"), "staging/f.parquet");
        assertThat(filled.filledColumns()).containsExactly("page_type");

        assertThatThrownBy(() -> new ParquetTransformer(contract("missing_column: fill\n", ", missing: fail"))
                .transform(in, dir.resolve("b.parquet"), "staging/f.parquet"))
                .hasMessageContaining("'page_type'");
    }

    @Test
    void anUnknownPolicyIsAContractError() {
        assertThatThrownBy(() -> contract("", ", missing: skip"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("missing must be fail or fill, got 'skip'");
        assertThatThrownBy(() -> contract("missing_column: maybe\n", ""))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("missing_column must be fail or fill");
    }
}
