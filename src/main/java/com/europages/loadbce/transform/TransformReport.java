package com.europages.loadbce.transform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one transform did: rows in/out, source columns the contract does not name (dropped), contract columns the file
 * lacks (filled, when the contract allows it), and per contract column the replaced/unconvertible/truncated
 * and invalid-UTF-8 counts.
 */
public record TransformReport(String sourceKey, Path output, long rowsIn, long rowsOut, int rowGroupsIn, int rowGroupsOut,
                              List<String> droppedColumns, List<String> filledColumns, Map<String, ColumnCounts> columns,
                              long millis) {

    public long totalReplaced() {
        return columns.values().stream().mapToLong(ColumnCounts::replaced).sum();
    }

    public long totalUnconvertible() {
        return columns.values().stream().mapToLong(ColumnCounts::unconvertible).sum();
    }

    public long totalTruncated() {
        return columns.values().stream().mapToLong(ColumnCounts::truncated).sum();
    }

    public long totalInvalidUtf8() {
        return columns.values().stream().mapToLong(ColumnCounts::invalidUtf8).sum();
    }

    public ObjectNode toJson() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("sourceKey", sourceKey);
        root.put("output", output.toString());
        root.put("rowsIn", rowsIn);
        root.put("rowsOut", rowsOut);
        root.put("rowGroupsIn", rowGroupsIn);
        root.put("rowGroupsOut", rowGroupsOut);
        root.put("millis", millis);
        root.put("replaced", totalReplaced());
        root.put("unconvertible", totalUnconvertible());
        root.put("truncated", totalTruncated());
        root.put("invalidUtf8", totalInvalidUtf8());
        droppedColumns.forEach(root.putArray("droppedColumns")::add);
        filledColumns.forEach(root.putArray("filledColumns")::add);
        ObjectNode cols = root.putObject("columns");
        columns.forEach((name, c) -> {
            ObjectNode n = cols.putObject(name);
            n.put("replaced", c.replaced());
            n.put("unconvertible", c.unconvertible());
            n.put("truncated", c.truncated());
            n.put("invalidUtf8", c.invalidUtf8());
        });
        return root;
    }

    /**
     * The INFO line of a file: its totals, short enough to read one per file; schema drift (dropped or filled columns)
     * and invalid UTF-8 only when there is some.
     */
    public String logLine() {
        StringBuilder b = new StringBuilder("transformed ").append(sourceKey)
                .append(" rows=").append(rowsOut).append(" replaced=").append(totalReplaced())
                .append(" unconvertible=").append(totalUnconvertible()).append(" truncated=").append(totalTruncated());
        if (totalInvalidUtf8() > 0) {
            b.append(" invalid_utf8=").append(totalInvalidUtf8());
        }
        if (!droppedColumns.isEmpty()) {
            b.append(" dropped=").append(droppedColumns.size());
        }
        if (!filledColumns.isEmpty()) {
            b.append(" filled=").append(filledColumns.size());
        }
        return b.append(" ms=").append(millis).toString();
    }

    /**
     * The DEBUG line of a file: the columns dropped and filled, and the counts of each column that had something
     * replaced, unconvertible, truncated or repaired (the audit row and the metrics keep them too).
     */
    public String columnsLine() {
        StringBuilder b = new StringBuilder("transformed ").append(sourceKey).append(" rows_in=").append(rowsIn)
                .append(" dropped=").append(droppedColumns).append(" filled=").append(filledColumns).append(" columns={");
        String sep = "";
        for (Map.Entry<String, ColumnCounts> e : columns.entrySet()) {
            ColumnCounts c = e.getValue();
            if (c.replaced() + c.unconvertible() + c.truncated() + c.invalidUtf8() > 0) {
                b.append(sep).append(e.getKey()).append(":r=").append(c.replaced()).append(",u=").append(c.unconvertible())
                        .append(",t=").append(c.truncated());
                if (c.invalidUtf8() > 0) {
                    b.append(",i=").append(c.invalidUtf8());
                }
                sep = " ";
            }
        }
        return b.append('}').toString();
    }
}
