package com.europages.loadbce.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.sample.DataFlowGenerator;
import com.europages.loadbce.sample.GeneratorOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spectrum DDL and the Parquet the transformer writes agree column by column (name, order, Spectrum-readable type). */
class SpectrumDdlMatchesParquetSchemaTest {
    private static final Pattern COLUMN = Pattern.compile("^  ([a-z_0-9]+) (.+?),?$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void everyDdlColumnHasTheWrittenParquetTypeSpectrumReadsForIt() throws Exception {
        ColumnContract contract = ColumnContract.load(Path.of("routes/schema/dataflow_events.yaml"));
        Path in = dir.resolve("in.parquet");
        new DataFlowGenerator(GeneratorOptions.defaults(3)).writeFile(in, LocalDate.of(2026, 11, 26), 1, 1, 500);
        Path out = dir.resolve("out.parquet");
        new ParquetTransformer(contract).transform(in, out, "staging/in.parquet");
        MessageType written = ParquetFiles.schema(out);

        String ddl = SpectrumDdl.createExternalTable(contract, "spectrum", "dataflow_events", "s3://ep-analytics/transformed");

        List<String[]> columns = new ArrayList<>();
        Matcher m = COLUMN.matcher(ddl.substring(ddl.indexOf('('), ddl.indexOf("\n)")));
        while (m.find()) {
            columns.add(new String[] {m.group(1), m.group(2)});
        }
        assertThat(columns).hasSize(written.getFieldCount());
        for (int i = 0; i < columns.size(); i++) {
            PrimitiveType field = written.getType(i).asPrimitiveType();
            assertThat(field.getName()).as("column %d", i).isEqualTo(columns.get(i)[0]);
            assertSpectrumReads(columns.get(i)[1], field);
        }
        assertThat(columns.get(columns.size() - 1)).containsExactly("source_key", "varchar(1024)");
        assertThat(ddl).startsWith("CREATE EXTERNAL TABLE spectrum.dataflow_events (")
                .contains("\nPARTITIONED BY (dt date)\nSTORED AS PARQUET\nLOCATION 's3://ep-analytics/transformed/';");
    }

    private static void assertSpectrumReads(String ddlType, PrimitiveType field) {
        PrimitiveTypeName physical = field.getPrimitiveTypeName();
        LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
        TargetType type = TargetType.parse(ddlType);
        switch (type.kind()) {
            case SMALLINT -> {
                assertThat(physical).isEqualTo(PrimitiveTypeName.INT32);
                assertThat(logical).isEqualTo(LogicalTypeAnnotation.intType(16, true));
            }
            case INTEGER -> assertThat(physical).isEqualTo(PrimitiveTypeName.INT32);
            case BIGINT -> assertThat(physical).isEqualTo(PrimitiveTypeName.INT64);
            case REAL -> assertThat(physical).isEqualTo(PrimitiveTypeName.FLOAT);
            case DOUBLE -> assertThat(physical).isEqualTo(PrimitiveTypeName.DOUBLE);
            case BOOLEAN -> assertThat(physical).isEqualTo(PrimitiveTypeName.BOOLEAN);
            case VARCHAR -> {
                assertThat(physical).isEqualTo(PrimitiveTypeName.BINARY);
                assertThat(logical).isEqualTo(LogicalTypeAnnotation.stringType());
            }
            case DATE -> {
                assertThat(physical).isEqualTo(PrimitiveTypeName.INT32);
                assertThat(logical).isEqualTo(LogicalTypeAnnotation.dateType());
            }
            case TIMESTAMP -> assertThat(physical).isEqualTo(PrimitiveTypeName.INT96);
            case DECIMAL -> {
                assertThat(physical).isEqualTo(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);
                DecimalLogicalTypeAnnotation d = (DecimalLogicalTypeAnnotation) logical;
                assertThat(d.getPrecision()).isEqualTo(type.precision());
                assertThat(d.getScale()).isEqualTo(type.scale());
                assertThat(Math.pow(2, 8 * field.getTypeLength() - 1)).isGreaterThan(Math.pow(10, type.precision()));
            }
        }
    }
}
