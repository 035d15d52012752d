package com.europages.loadbce.warehouse;

/** What one file's load put in the final table. */
public record LoadResult(long rowsLoaded, long rowsMatched, long rowsUnmatched, long loadMillis) {
}
