package com.europages.loadbce.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoadWindowTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static LoadWindow at(String instant, int extraDays) {
        return new LoadWindow(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), PARIS, extraDays);
    }

    @Test
    void yesterdayIsTakenInTheConfiguredZoneNotInUtc() {
        // 23:30 UTC on May 1st is already May 2nd in Paris (UTC+2)
        assertThat(at("2022-05-01T23:30:00Z", 0).yesterday()).isEqualTo(LocalDate.of(2022, 5, 1));
        assertThat(at("2022-05-01T21:59:59Z", 0).yesterday()).isEqualTo(LocalDate.of(2022, 4, 30));
    }

    @Test
    void midnightInTheZoneStartsTheNextDay() {
        assertThat(at("2022-05-01T22:00:00Z", 0).yesterday()).isEqualTo(LocalDate.of(2022, 5, 1));
        assertThat(at("2022-05-01T21:59:59.999Z", 0).yesterday()).isEqualTo(LocalDate.of(2022, 4, 30));
    }

    @Test
    void daylightSavingChangesDoNotShiftTheDay() {
        // 2022-03-27: Paris moves from UTC+1 to UTC+2 at 01:00 UTC; midnight on the 28th is 22:00 UTC on the 27th
        assertThat(at("2022-03-27T21:59:59Z", 0).yesterday()).isEqualTo(LocalDate.of(2022, 3, 26));
        assertThat(at("2022-03-27T22:00:00Z", 0).yesterday()).isEqualTo(LocalDate.of(2022, 3, 27));
        // 2022-10-30: back to UTC+1; midnight on the 31st is 23:00 UTC on the 30th
        assertThat(at("2022-10-30T22:59:59Z", 0).yesterday()).isEqualTo(LocalDate.of(2022, 10, 29));
        assertThat(at("2022-10-30T23:00:00Z", 0).yesterday()).isEqualTo(LocalDate.of(2022, 10, 30));
    }

    @Test
    void yearAndLeapDayBoundaries() {
        assertThat(at("2023-01-01T10:00:00Z", 0).contains(LocalDate.of(2022, 12, 31))).isTrue();
        assertThat(at("2024-03-01T10:00:00Z", 0).contains(LocalDate.of(2024, 2, 29))).isTrue();
        assertThat(at("2024-03-01T10:00:00Z", 0).contains(LocalDate.of(2024, 2, 28))).isFalse();
        assertThat(at("2023-03-01T10:00:00Z", 0).yesterday()).isEqualTo(LocalDate.of(2023, 2, 28));
    }

    @Test
    void onlyThePreviousDayByDefault() {
        LoadWindow w = at("2022-05-02T10:00:00Z", 0);
        assertThat(w.contains(LocalDate.of(2022, 5, 1))).isTrue();
        assertThat(w.contains(LocalDate.of(2022, 5, 2))).as("today").isFalse();
        assertThat(w.contains(LocalDate.of(2022, 4, 30))).as("two days ago").isFalse();
        assertThat(w.contains(LocalDate.of(2022, 5, 3))).as("future").isFalse();
    }

    @Test
    void extraDaysBackWidenTheWindowBackwardsOnly() {
        LoadWindow w = at("2022-05-02T10:00:00Z", 2);
        assertThat(w.contains(LocalDate.of(2022, 4, 29))).isTrue();
        assertThat(w.contains(LocalDate.of(2022, 4, 28))).isFalse();
        assertThat(w.contains(LocalDate.of(2022, 5, 2))).isFalse();
    }

    @Test
    void negativeExtraDaysAreRefused() {
        assertThatThrownBy(() -> at("2022-05-02T10:00:00Z", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
