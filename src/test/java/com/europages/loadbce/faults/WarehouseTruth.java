package com.europages.loadbce.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Compares the warehouse with the generated files, read by DuckDB itself: per source file the same row count, no
 * event twice, one audit row per loaded file. Tables are given by their qualified names.
 */
public final class WarehouseTruth {

    private final DataSource warehouse;
    private final String finalTable;
    private final String auditTable;

    public WarehouseTruth(DataSource warehouse, String finalTable, String auditTable) {
        this.warehouse = warehouse;
        this.finalTable = finalTable;
        this.auditTable = auditTable;
    }

    /** Checks the good files (the ones that must be loaded) and returns the figure; nothing is asserted here. */
    public FaultFigure compare(String scenario, Collection<Path> goodFiles, double seconds) throws SQLException {
        String list = goodFiles.stream().map(p -> "'" + p.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
        String names = goodFiles.stream().map(p -> "'" + p.getFileName().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "(", ")"));
        String source = "read_parquet(" + list + ", filename = true)";
        long rows = query("SELECT COUNT(*) FROM " + source);
        long duplicates = query("SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT event_id, COUNT(*) AS n FROM "
                + finalTable + " GROUP BY event_id)");
        // events of a good file that are not in the final table, plus rows of files that should not be there
        long missing = query("SELECT COUNT(*) FROM " + source + " s WHERE NOT EXISTS (SELECT 1 FROM " + finalTable
                + " f WHERE f.event_id = s.event_id AND split_part(f.source_key, '/', -1) = split_part(s.filename, '/', -1))");
        long foreign = query("SELECT COUNT(*) FROM " + finalTable + " WHERE split_part(source_key, '/', -1) NOT IN " + names);
        long badCounts = query("SELECT COUNT(*) FROM (SELECT split_part(filename, '/', -1) AS f, COUNT(*) AS n FROM "
                + source + " GROUP BY 1) s FULL JOIN (SELECT split_part(source_key, '/', -1) AS f, COUNT(*) AS n FROM "
                + finalTable + " GROUP BY 1) t USING (f) WHERE s.n IS DISTINCT FROM t.n");
        long auditMismatch = query("SELECT COUNT(*) FROM (SELECT split_part(source_key, '/', -1) AS f, COUNT(*) AS n FROM "
                + auditTable + " GROUP BY 1) a FULL JOIN (SELECT unnest(" + names.replace('(', '[').replace(')', ']')
                + ") AS f) g USING (f) WHERE a.n IS DISTINCT FROM 1 OR g.f IS NULL");
        return new FaultFigure(scenario, goodFiles.size(), query("SELECT COUNT(*) FROM " + finalTable),
                duplicates + foreign + (badCounts > 0 && missing == 0 ? badCounts : 0),
                missing + auditMismatch, seconds);
    }

    long query(String sql) throws SQLException {
        try (Connection c = warehouse.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
