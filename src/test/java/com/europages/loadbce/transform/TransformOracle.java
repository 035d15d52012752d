package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;

/** Checks one transform against DuckDB running the same transform in SQL: same rows (both EXCEPT ALLs empty), same counts. */
final class TransformOracle {

    private TransformOracle() {
    }

    static void assertMatches(DuckDb db, ColumnContract contract, Path input, Path output, TransformReport report,
                              String key) throws Exception {
        MessageType schema;
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(input))) {
            schema = r.getFooter().getFileMetaData().getSchema();
        }
        db.execute("CREATE OR REPLACE TABLE expected AS " + DuckDbTransformSql.select(contract, schema, input.toString(), key));
        String ours = DuckDbTransformSql.typed(contract, "read_parquet('" + output + "')");
        String theirs = DuckDbTransformSql.typed(contract, "expected");
        assertThat(db.count("SELECT count(*) FROM expected")).isEqualTo(report.rowsIn());
        assertThat(db.count("SELECT count(*) FROM read_parquet('" + output + "')")).isEqualTo(report.rowsOut());
        assertThat(db.count("SELECT count(*) FROM (" + ours + " EXCEPT ALL " + theirs + ")"))
                .as("rows of our output that DuckDB's transform does not have").isZero();
        assertThat(db.count("SELECT count(*) FROM (" + theirs + " EXCEPT ALL " + ours + ")"))
                .as("rows of DuckDB's transform missing from our output").isZero();

        Map<String, Object> sql = db.row(DuckDbTransformSql.counts(contract, schema, input.toString()));
        Map<String, Long> expected = new LinkedHashMap<>();
        Map<String, Long> actual = new LinkedHashMap<>();
        for (ContractColumn c : contract.columns()) {
            ColumnCounts counts = report.columns().get(c.name());
            for (String kind : new String[] {"replaced", "unconvertible", "truncated", "invalidUtf8"}) {
                expected.put(c.name() + "." + kind, ((Number) sql.get(c.name() + "." + kind)).longValue());
            }
            actual.put(c.name() + ".replaced", counts.replaced());
            actual.put(c.name() + ".unconvertible", counts.unconvertible());
            actual.put(c.name() + ".truncated", counts.truncated());
            actual.put(c.name() + ".invalidUtf8", counts.invalidUtf8());
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(((Number) sql.get("rows")).longValue()).isEqualTo(report.rowsIn());
    }
}
