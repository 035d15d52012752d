package com.europages.loadbce.warehouse;

import com.europages.loadbce.intake.FileNameRule;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether a day's delivery is complete: per hour (the file names' 'hour' group) the files expected, loaded, rejected
 * and missing. A file loaded and rejected counts by its latest outcome (a re-upload can fix or break it).
 */
public record DayCompleteness(LocalDate date, int expectedPerHour, List<Hour> hours, List<String> withoutHour) {

    /** One hour of the day; {@code extra} counts files beyond the expected number (a re-cut delivery, say). */
    public record Hour(int hour, int loaded, int rejected, int missing, int extra) {
    }

    /** One file of the day and its latest outcome, as completeness-files.sql reads them. */
    public record FileOutcome(String key, String outcome, Timestamp at) {
    }

    /** Reads the day's files with completeness-files.sql. */
    public static DayCompleteness read(Warehouse warehouse, LocalDate date, int expectedPerHour, FileNameRule names)
            throws SQLException {
        List<String> params = new ArrayList<>();
        String sql = SqlTemplates.positional(warehouse.sql().sql("completeness-files.sql"), params);
        List<FileOutcome> files = new ArrayList<>();
        try (Connection c = warehouse.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setDate(i + 1, Date.valueOf(date));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.add(new FileOutcome(rs.getString(1), rs.getString(2), rs.getTimestamp(3)));
                }
            }
        }
        return of(date, expectedPerHour, names, files);
    }

    /** The rows of camel-jdbc's SelectList (column name → value), as route "completeness" gets them. */
    public static List<FileOutcome> fromRows(List<Map<String, Object>> rows) {
        List<FileOutcome> files = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object at = row.get("at");
            files.add(new FileOutcome(String.valueOf(row.get("source_key")), String.valueOf(row.get("outcome")),
                    at instanceof Timestamp t ? t : at == null ? null : Timestamp.valueOf(at.toString())));
        }
        return files;
    }

    public static DayCompleteness of(LocalDate date, int expectedPerHour, FileNameRule names,
                                     Collection<FileOutcome> files) {
        Map<String, FileOutcome> latest = new HashMap<>();
        for (FileOutcome f : files) {
            latest.merge(f.key(), f, (a, b) -> b.at() != null && (a.at() == null || b.at().after(a.at())) ? b : a);
        }
        int[] loaded = new int[24];
        int[] rejected = new int[24];
        List<String> withoutHour = new ArrayList<>();
        for (FileOutcome f : new TreeMap<>(latest).values()) {
            Integer hour = names.hour(f.key().substring(f.key().lastIndexOf('/') + 1));
            if (hour == null || hour < 0 || hour > 23) {
                withoutHour.add(f.key());
            } else if ("rejected".equals(f.outcome())) {
                rejected[hour]++;
            } else {
                loaded[hour]++;
            }
        }
        List<Hour> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            int seen = loaded[h] + rejected[h];
            hours.add(new Hour(h, loaded[h], rejected[h], Math.max(0, expectedPerHour - seen),
                    Math.max(0, seen - expectedPerHour)));
        }
        return new DayCompleteness(date, expectedPerHour, List.copyOf(hours), List.copyOf(withoutHour));
    }

    public int expected() {
        return 24 * expectedPerHour;
    }

    public int loaded() {
        return hours.stream().mapToInt(Hour::loaded).sum();
    }

    public int rejected() {
        return hours.stream().mapToInt(Hour::rejected).sum();
    }

    /** Files expected but neither loaded nor rejected; files whose name has no hour cannot fill any hour's gap. */
    public int missing() {
        return hours.stream().mapToInt(Hour::missing).sum();
    }

    public boolean complete() {
        return missing() == 0 && rejected() == 0;
    }

    /** The one-line summary the demo and `report` print. */
    public String summaryLine() {
        return String.format("completeness %s: %d of %d files loaded, %d rejected, %d missing%s", date, loaded(),
                expected(), rejected(), missing(), complete() ? " (complete)" : "");
    }

    /** The summary, then one line per hour that is not as expected. */
    public void printText(PrintStream out) {
        out.println(summaryLine());
        for (Hour h : hours) {
            if (h.missing() > 0 || h.rejected() > 0 || h.extra() > 0) {
                out.printf("  hour %02d  expected %d  loaded %d  rejected %d  missing %d%s%n", h.hour(),
                        expectedPerHour, h.loaded(), h.rejected(), h.missing(),
                        h.extra() > 0 ? "  extra " + h.extra() : "");
            }
        }
        for (String key : withoutHour) {
            out.printf("  no hour in the name: %s%n", key);
        }
    }

    public ObjectNode toJson() {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("date", date.toString());
        n.put("expected", expected());
        n.put("loaded", loaded());
        n.put("rejected", rejected());
        n.put("missing", missing());
        n.put("complete", complete());
        ArrayNode hs = n.putArray("hours");
        for (Hour h : hours) {
            hs.addObject().put("hour", h.hour()).put("expected", expectedPerHour).put("loaded", h.loaded())
                    .put("rejected", h.rejected()).put("missing", h.missing()).put("extra", h.extra());
        }
        withoutHour.forEach(n.putArray("withoutHour")::add);
        return n;
    }
}
