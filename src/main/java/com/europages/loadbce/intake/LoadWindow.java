package com.europages.loadbce.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The file dates to load: the previous day in the configured zone, plus optionally some days before it. */
public final class LoadWindow {

    private final Clock clock;
    private final ZoneId zone;
    private final int extraDaysBack;

    public LoadWindow(Clock clock, ZoneId zone, int extraDaysBack) {
        if (extraDaysBack < 0) {
            throw new IllegalArgumentException("intake.extra-days-back must be >= 0, got " + extraDaysBack);
        }
        this.clock = clock;
        this.zone = zone;
        this.extraDaysBack = extraDaysBack;
    }

    public LocalDate yesterday() {
        return LocalDate.now(clock.withZone(zone)).minusDays(1);
    }

    public LocalDate earliest() {
        return yesterday().minusDays(extraDaysBack);
    }

    public boolean contains(LocalDate date) {
        LocalDate last = yesterday();
        return !date.isAfter(last) && !date.isBefore(last.minusDays(extraDaysBack));
    }

    /** For the record filter route: true when the yyyy-MM-dd date is outside the window. */
    public boolean excludes(String isoDate) {
        return !contains(LocalDate.parse(isoDate));
    }
}
