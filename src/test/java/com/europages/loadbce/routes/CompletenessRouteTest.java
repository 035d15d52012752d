package com.europages.loadbce.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.intake.FileNameRule;
import com.europages.loadbce.observe.CompletenessGauge;
import com.europages.loadbce.sample.DataFlowGenerator;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.junit.jupiter.api.Test;

/** Route "completeness": yesterday's missing and rejected files into the gauges, only after the grace time. */
class CompletenessRouteTest extends RoutesTestSupport {

    static final LocalDate YESTERDAY = LocalDate.of(2022, 5, 1);
    /** Today 2022-05-02 in Paris: 07:30 is before a grace of 8h, 09:00 after it. */
    static final Instant EARLY = Instant.parse("2022-05-02T05:30:00Z");
    static final Instant LATE = Instant.parse("2022-05-02T07:00:00Z");

    Instant now = LATE;
    /** Its own registry: the service's beans already registered gauges of these names with another clock. */
    final SimpleMeterRegistry gauges = new SimpleMeterRegistry();

    @Override
    String[] routeFiles() {
        return new String[] {"completeness.camel.yaml"};
    }

    @Override
    public void configureContext(CamelContextConfiguration camel) {
        super.configureContext(camel);
        camel.replaceRouteFromWith("completeness", "direct:completeness");
    }

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        super.bindToRegistry(registry);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(now, zone);
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        registry.bind("completenessGauge", new CompletenessGauge(gauges, clock, ZoneId.of("Europe/Paris"),
                Duration.ofHours(8), 2, new FileNameRule(config.get("intake.file-name-regex"),
                config.get("intake.file-date-format"))));
    }

    MockEndpoint warehouse() {
        return getMockEndpoint("mock:jdbc:warehouse");
    }

    double gauge(String name) {
        return gauges.get(name).gauge().value();
    }

    /** Hour 0 to 22 loaded (2 files each), hour 23: one file rejected, one missing. */
    static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        Timestamp at = Timestamp.valueOf("2022-05-02 06:00:00");
        for (int h = 0; h < 23; h++) {
            for (int p = 1; p <= 2; p++) {
                rows.add(Map.of("source_key", "staging/" + DataFlowGenerator.fileName(YESTERDAY, h, p),
                        "outcome", "loaded", "at", at));
            }
        }
        rows.add(Map.of("source_key", "staging/" + DataFlowGenerator.fileName(YESTERDAY, 23, 1), "outcome", "rejected",
                "at", at));
        return rows;
    }

    @Test
    void afterTheGraceTimeYesterdaysGapsAreInTheGauges() throws Exception {
        warehouse().expectedMessageCount(1);
        warehouse().expectedHeaderReceived("DataFlowDate", "2022-05-01");
        warehouse().whenAnyExchangeReceived(e -> e.getMessage().setBody(rows()));

        template.sendBody("direct:completeness", null);

        MockEndpoint.assertIsSatisfied(context);
        assertThat(warehouse().getExchanges().get(0).getMessage().getBody(String.class)).contains("UNION ALL");
        assertThat(gauge(CompletenessGauge.MISSING)).isEqualTo(1);
        assertThat(gauge(CompletenessGauge.REJECTED)).isEqualTo(1);
    }

    @Test
    void beforeTheGraceTimeNothingIsQueriedAndNothingIsMissing() throws Exception {
        now = EARLY;
        warehouse().expectedMessageCount(0);

        template.sendBody("direct:completeness", null);

        MockEndpoint.assertIsSatisfied(context);
        assertThat(gauge(CompletenessGauge.MISSING)).isZero();
    }
}
