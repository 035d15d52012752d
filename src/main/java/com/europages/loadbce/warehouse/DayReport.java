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

/** The audit summary of one file date: files, rows, company matches, replaced values, times, slowest file, last load. */
public record DayReport(LocalDate date, long files, long rowsRead, long rowsLoaded, long rowsMatched, long rowsUnmatched,
                        long valuesReplaced, long valuesUnconvertible, long transformMillis, long loadMillis,
                        String slowestKey, long slowestMillis, LocalDateTime lastLoadedAt) {

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
            try (PreparedStatement ps = c.prepareStatement(warehouse.sql().sql("report-day.sql"))) {
                ps.setDate(1, Date.valueOf(date));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp last = rs.getTimestamp(10);
                    return new DayReport(date, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), slowestKey,
                            slowestMillis, last == null ? null : last.toLocalDateTime());
                }
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
        return n;
    }
}
