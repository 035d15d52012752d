package com.europages.loadbce.observe;

import com.europages.loadbce.intake.FileNameRule;
import com.europages.loadbce.warehouse.DayCompleteness;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Body;

/**
 * Gauges of yesterday's delivery, set by route "completeness": files missing and files rejected, once the grace time
 * after midnight has passed (Piano may still be uploading before it); 0 until then.
 */
public final class CompletenessGauge {

    public static final String MISSING = "loadbce.files.missing.yesterday";
    public static final String REJECTED = "loadbce.files.rejected.yesterday";

    private final Clock clock;
    private final ZoneId zone;
    private final Duration grace;
    private final int expectedPerHour;
    private final FileNameRule names;
    private final AtomicInteger missing = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();

    public CompletenessGauge(MeterRegistry meters, Clock clock, ZoneId zone, Duration grace, int expectedPerHour,
                             FileNameRule names) {
        this.clock = clock;
        this.zone = zone;
        this.grace = grace;
        this.expectedPerHour = expectedPerHour;
        this.names = names;
        Gauge.builder(MISSING, missing, AtomicInteger::get)
                .description("Files of yesterday expected but neither loaded nor rejected, after the grace time")
                .register(meters);
        Gauge.builder(REJECTED, rejected, AtomicInteger::get)
                .description("Files of yesterday whose latest version was rejected, after the grace time")
                .register(meters);
    }

    /** The day whose completeness the gauges show, yyyy-MM-dd in the file-date zone. */
    public String yesterday() {
        return LocalDate.now(clock.withZone(zone)).minusDays(1).toString();
    }

    /** True once today's midnight plus the grace time has passed. */
    public boolean pastGrace() {
        ZonedDateTime midnight = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone);
        return !ZonedDateTime.now(clock.withZone(zone)).isBefore(midnight.plus(grace));
    }

    /** Route step: the rows of completeness-files.sql for yesterday. */
    public void update(@Body List<Map<String, Object>> rows) {
        DayCompleteness day = DayCompleteness.of(LocalDate.parse(yesterday()), expectedPerHour, names,
                DayCompleteness.fromRows(rows));
        missing.set(day.missing());
        rejected.set(day.rejected());
    }

    /** Route step before the grace time: nothing is missing yet. */
    public void beforeGrace() {
        missing.set(0);
        rejected.set(0);
    }
}
