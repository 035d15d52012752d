package com.europages.loadbce.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class FileNameRuleTest {

    private static final String DEFAULT = "^dataflow_europages_(?<date>\\d{8})_(?<hour>\\d{2})_(?<part>\\d+)\\.parquet$";

    @Test
    void readsDateHourAndPart() {
        assertThat(new FileNameRule(DEFAULT, "yyyyMMdd").match("dataflow_europages_20220501_13_2.parquet"))
                .contains(new FileNameRule.FileName(LocalDate.of(2022, 5, 1), 13, 2));
    }

    @Test
    void otherNamesDoNotMatch() {
        FileNameRule rule = new FileNameRule(DEFAULT, "yyyyMMdd");
        assertThat(rule.match("dataflow_europages_20220501_13_2.csv")).isEmpty();
        assertThat(rule.match("x_dataflow_europages_20220501_13_2.parquet")).isEmpty();
        assertThat(rule.match("")).isEmpty();
    }

    @Test
    void impossibleDatesAreReportedNotRounded() {
        FileNameRule rule = new FileNameRule(DEFAULT, "yyyyMMdd");
        assertThatThrownBy(() -> rule.match("dataflow_europages_20220231_13_2.parquet"))
                .isInstanceOf(DateTimeParseException.class);
        assertThat(rule.match("dataflow_europages_20240229_00_1.parquet")).isPresent();
    }

    @Test
    void hourAndPartGroupsAreOptional() {
        FileNameRule rule = new FileNameRule("^events-(?<date>\\d{4}-\\d{2}-\\d{2})\\.parquet$", "yyyy-MM-dd");
        assertThat(rule.match("events-2022-05-01.parquet"))
                .contains(new FileNameRule.FileName(LocalDate.of(2022, 5, 1), null, null));
    }

    @Test
    void aRegexWithoutDateGroupIsRefusedAtStart() {
        assertThatThrownBy(() -> new FileNameRule("^.*\\.parquet$", "yyyyMMdd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(?<date>");
        assertThatThrownBy(() -> new FileNameRule("(?<date>[", "yyyyMMdd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid regex");
    }

    @Test
    void theRouteReadsTheSameDateHourAndPartAsStrings() {
        FileNameRule rule = new FileNameRule(DEFAULT, "yyyyMMdd");
        String name = "dataflow_europages_20220501_13_2.parquet";
        assertThat(rule.date(name)).isEqualTo("2022-05-01");
        assertThat(rule.hour(name)).isEqualTo(13);
        assertThat(rule.part(name)).isEqualTo(2);
        assertThat(rule.date("dataflow_europages_20220231_13_2.parquet")).as("impossible date").isNull();
        assertThat(rule.dateText("dataflow_europages_20220231_13_2.parquet")).isEqualTo("20220231");
        assertThat(rule.date("notes.parquet")).isNull();
        assertThat(rule.dateText(null)).isNull();
    }
}
