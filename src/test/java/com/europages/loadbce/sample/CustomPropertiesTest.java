package com.europages.loadbce.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wide files ({@code generate --columns N}): custom properties of every kind appended, the standard columns unchanged. */
class CustomPropertiesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path dir;

    @Test
    void customPropertiesFollowTheStandardColumnsWhichKeepTheirValues() throws Exception {
        Path plain = dir.resolve("plain.parquet");
        Path wide = dir.resolve("wide.parquet");
        new DataFlowGenerator(GeneratorOptions.defaults(7)).writeFile(plain, DAY, 5, 1, 3_000);
        DataFlowGenerator generator = new DataFlowGenerator(GeneratorOptions.defaults(7).withCustomColumns(14));
        generator.writeFile(wide, DAY, 5, 1, 3_000);

        int standard = PianoEventSchema.SCHEMA.getFieldCount();
        assertThat(generator.schema().getFieldCount()).isEqualTo(standard + 14);
        assertThat(generator.schema().getFieldName(standard)).isEqualTo("custom_prop_001");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String columns = String.join(", ", PianoEventSchema.SCHEMA.getFields().stream().map(f -> f.getName()).toList());
            assertThat(count(s, "SELECT count(*) FROM (SELECT " + columns + " FROM read_parquet('" + plain + "') EXCEPT ALL "
                    + "SELECT " + columns + " FROM read_parquet('" + wide + "'))")).isZero();
            // every kind appears twice in 14, each with values and nulls
            try (ResultSet r = s.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('"
                    + wide + "')) WHERE column_name LIKE 'custom_prop_%' ORDER BY column_name")) {
                int i = 0;
                while (r.next()) {
                    i++;
                    assertThat(r.getString(1)).isEqualTo(CustomProperties.name(i));
                    assertThat(r.getString(2)).isEqualTo(switch (CustomProperties.kind(i)) {
                        case LABEL, NUMBER_TEXT -> "VARCHAR";
                        case COUNT -> "BIGINT";
                        case MEASURE -> "DOUBLE";
                        case FLAG -> "BOOLEAN";
                        case CODE -> "INTEGER";
                    });
                }
                assertThat(i).isEqualTo(14);
            }
            for (int i = 1; i <= 14; i++) {
                String n = CustomProperties.name(i);
                assertThat(count(s, "SELECT count(*) FROM read_parquet('" + wide + "') WHERE " + n + " IS NULL"))
                        .as(n).isBetween(300L, 900L);
                assertThat(count(s, "SELECT count(DISTINCT " + n + ") FROM read_parquet('" + wide + "')")).as(n).isGreaterThan(1);
            }
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
