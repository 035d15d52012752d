package com.europages.loadbce.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit summary of one file date: files, rows, company matches, replaced values, times, slowest file, last load,
 * and the schema drift: source columns the contract does not name (new columns) and contract columns files lacked,
 * each with the number of files.
 */
public record DayReport(LocalDate date, long files, long rowsRead, long rowsLoaded, long rowsMatched, long rowsUnmatched,
                        long valuesReplaced, long valuesUnconvertible, long transformMillis, long loadMillis,
                        String slowestKey, long slowestMillis, LocalDateTime lastLoadedAt,
                        Map<String, Integer> newColumns, Map<String, Integer> filledColumns) {

    /** Reads the audit table with report-day.sql and report-slowest.sql. */
    public static DayReport read(Warehouse warehouse, LocalDate date) throws SQLException {
        try (Connection c = warehouse.dataSource().getConnection()) {
            String slowestKey = null;
            long slowestMillis = 0;
            try (PreparedStatement ps = c.prepareStatement(warehouse.sql().sql("report-slowest.sql"))) {
                ps.setDate(1, Date.valueOf(date));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        slowestKey = rs.getString(1);
                        slowestMillis = rs.getLong(2);
                    }
                }
            }
            Map<String, Integer> newColumns = new TreeMap<>();
            Map<String, Integer> filledColumns = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(warehouse.sql().sql("report-columns.sql"))) {
                ps.setDate(1, Date.valueOf(date));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        countNames(rs.getString(1), newColumns);
                        countNames(rs.getString(2), filledColumns);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(warehouse.sql().sql("report-day.sql"))) {
                ps.setDate(1, Date.valueOf(date));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp last = rs.getTimestamp(10);
                    return new DayReport(date, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), slowestKey,
                            slowestMillis, last == null ? null : last.toLocalDateTime(), newColumns, filledColumns);
                }
            }
        }
    }

    private static void countNames(String commaSeparated, Map<String, Integer> counts) {
        if (commaSeparated != null && !commaSeparated.isEmpty()) {
            for (String name : commaSeparated.split(",")) {
                counts.merge(name, 1, Integer::sum);
            }
        }
    }

    public void printText(PrintStream out, String auditTable) {
        out.printf("Load report of %s (%s)%n", date, auditTable);
        out.printf("files loaded           %,d%n", files);
        if (files == 0) {
            return;
        }
        out.printf("rows read              %,d%n", rowsRead);
        out.printf("rows loaded            %,d%n", rowsLoaded);
        out.printf("  with a company       %,d%n", rowsMatched);
        out.printf("  without a company    %,d%n", rowsUnmatched);
        out.printf("values replaced        %,d%n", valuesReplaced);
        out.printf("values unconvertible   %,d%n", valuesUnconvertible);
        out.printf("transform time (sum)   %.1f s%n", transformMillis / 1000.0);
        out.printf("load time (sum)        %.1f s%n", loadMillis / 1000.0);
        out.printf("slowest file           %s (%,d ms)%n", slowestKey, slowestMillis);
        out.printf("last load              %s%n", lastLoadedAt);
        out.printf("new columns (dropped)  %s%n", newColumns.isEmpty() ? "none" : names(newColumns));
        out.printf("missing, filled        %s%n", filledColumns.isEmpty() ? "none" : names(filledColumns));
    }

    private static String names(Map<String, Integer> counts) {
        StringBuilder b = new StringBuilder();
        counts.forEach((name, files) -> b.append(b.length() == 0 ? "" : ", ").append(name).append(" (")
                .append(files).append(files == 1 ? " file)" : " files)"));
        return b.toString();
    }

    public ObjectNode toJson() {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("date", date.toString());
        n.put("files", files);
        n.put("rowsRead", rowsRead);
        n.put("rowsLoaded", rowsLoaded);
        n.put("rowsMatched", rowsMatched);
        n.put("rowsUnmatched", rowsUnmatched);
        n.put("valuesReplaced", valuesReplaced);
        n.put("valuesUnconvertible", valuesUnconvertible);
        n.put("transformMs", transformMillis);
        n.put("loadMs", loadMillis);
        if (slowestKey == null) {
            n.putNull("slowestFile");
        } else {
            n.putObject("slowestFile").put("key", slowestKey).put("ms", slowestMillis);
        }
        n.put("lastLoadedAt", lastLoadedAt == null ? null : lastLoadedAt.toString());
        ObjectNode added = n.putObject("newColumns");
        newColumns.forEach(added::put);
        ObjectNode filled = n.putObject("filledColumns");
        filledColumns.forEach(filled::put);
        return n;
    }
}
