package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.europages.loadbce.transform.TargetType.Kind;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Loading and validating the column contract. */
class ColumnContractTest {

    @Test
    void exampleContractHasFortyColumnsCoveringEveryTargetType() {
        ColumnContract c = ColumnContract.load(Path.of("routes/schema/dataflow_events.yaml"));

        assertThat(c.columns()).hasSizeGreaterThanOrEqualTo(40);
        Set<Kind> kinds = c.columns().stream().map(col -> col.type().kind()).collect(Collectors.toSet());
        assertThat(kinds).isEqualTo(EnumSet.allOf(Kind.class));
        assertThat(c.columns()).anySatisfy(col -> assertThat(col.delimiter()).isNotNull());
        assertThat(c.columns()).anySatisfy(col -> {
            assertThat(col.name()).isEqualTo("company_id");
            assertThat(col.type().kind()).isEqualTo(Kind.BIGINT);
        });
    }

    @Test
    void fillDefaultsToZeroEmptyFalseAndEpoch() {
        ColumnContract c = ColumnContract.parse("""
                columns:
                  - {name: a, type: integer}
                  - {name: b, type: varchar(3)}
                  - {name: c, type: boolean}
                  - {name: d, type: date}
                  - {name: e, type: "decimal(5,2)", fill: "1.5"}
                """, "t.yaml");

        assertThat(c.columns()).extracting(ContractColumn::fillText)
                .containsExactly("0", "", "false", "1970-01-01", "1.50");
        assertThat(c.columns().get(4).fillLong()).isEqualTo(150);
        assertThat(c.columns().get(0).source()).isEqualTo("a");
    }

    @Test
    void unknownTypeIsReportedWithFileLineAndColumn() {
        String yaml = """
                table: t
                columns:
                  - {name: ok, type: integer}
                  - name: broken
                    type: varchr(10)
                """;

        assertThatThrownBy(() -> ColumnContract.parse(yaml, "c.yaml"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("c.yaml line 4")
                .hasMessageContaining("'broken'")
                .hasMessageContaining("unknown type 'varchr(10)'");
    }

    @Test
    void duplicateNamesReservedNamesBadFillsAndUnknownKeysAreRejected() {
        assertThatThrownBy(() -> ColumnContract.parse("columns: [{name: a, type: integer}, {name: a, type: bigint}]", "x"))
                .hasMessageContaining("duplicate column name 'a'");
        assertThatThrownBy(() -> ColumnContract.parse("columns: [{name: source_key, type: integer}]", "x"))
                .hasMessageContaining("reserved for the lineage column");
        assertThatThrownBy(() -> ColumnContract.parse("columns: [{name: a, type: smallint, fill: '70000'}]", "x"))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> ColumnContract.parse("columns: [{name: a, type: varchar(2), fill: abc}]", "x"))
                .hasMessageContaining("longer than varchar(2)");
        assertThatThrownBy(() -> ColumnContract.parse("columns: [{name: a, type: integer, colour: red}]", "x"))
                .hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> ColumnContract.parse("columns: [{name: A-b, type: integer}]", "x"))
                .hasMessageContaining("snake_case");
        assertThatThrownBy(() -> ColumnContract.parse("columns: [{name: a, type: \"decimal(20,2)\"}]", "x"))
                .hasMessageContaining("precision must be 1..18");
        assertThatThrownBy(() -> ColumnContract.parse("varchar_overflow: ignore\ncolumns: [{name: a, type: integer}]", "x"))
                .hasMessageContaining("truncate or error");
    }
}
