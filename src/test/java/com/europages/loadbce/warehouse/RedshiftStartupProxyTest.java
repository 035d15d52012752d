package com.europages.loadbce.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The proxy's protocol handling and its life cycle, seen from the Redshift driver. */
@ExtendWith(EmbeddedRedshiftExtension.class)
class RedshiftStartupProxyTest {

    private static EmbeddedRedshiftStandIn redshift;

    @BeforeAll
    static void standIn(EmbeddedRedshiftStandIn standIn) {
        redshift = standIn;
    }

    @Test
    void startupMessageLosesOnlyTheUnwantedParametersAndKeepsAConsistentLength() {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("user", "postgres");
        sent.put("driver_version", "Redshift JDBC Driver 2.3.0");
        sent.put("database", "postgres");
        sent.put("os_version", "Linux");
        sent.put("application_name", "été");
        Set<String> dropped = new HashSet<>();

        byte[] rewritten = RedshiftStartupProxy.startupWithout(Set.of("driver_version", "os_version"), parameters(sent), dropped);

        ByteBuffer message = ByteBuffer.wrap(rewritten);
        assertThat(message.getInt()).isEqualTo(rewritten.length);
        assertThat(message.getInt()).isEqualTo(196608);
        byte[] rest = new byte[message.remaining()];
        message.get(rest);
        Map<String, String> kept = new LinkedHashMap<>(sent);
        kept.keySet().removeAll(Set.of("driver_version", "os_version"));
        assertThat(rest).isEqualTo(parameters(kept));
        assertThat(dropped).containsExactlyInAnyOrder("driver_version", "os_version");
    }

    @Test
    void concurrentConnectionsEachGetTheirOwnBackend() throws Exception {
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> pids = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int n = i;
                Callable<Integer> session = () -> {
                    try (Connection connection = redshift.open()) {
                        // a query per client whose answer proves its bytes were not mixed with another session's
                        assertThat(queryInt(connection, "SELECT " + n + " * 1000 + count(*)::int FROM generate_series(1, " + n + ")"))
                                .isEqualTo(n * 1001);
                        return queryInt(connection, "SELECT pg_backend_pid()");
                    }
                };
                pids.add(pool.submit(session));
            }
            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> pid : pids) {
                distinct.add(pid.get());
            }
            assertThat(distinct).hasSize(clients);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingTheProxyEndsItsOpenSessions() throws Exception {
        RedshiftStartupProxy proxy = RedshiftStartupProxy.start(redshift.postgresPort());
        Connection connection = new com.amazon.redshift.Driver()
                .connect("jdbc:redshift://127.0.0.1:" + proxy.port() + "/postgres", redshift.connectionProperties());
        try {
            assertThat(queryInt(connection, "SELECT 1")).isEqualTo(1);

            proxy.close();

            assertThatThrownBy(() -> queryInt(connection, "SELECT 1")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", proxy.port()).close())
                    .isInstanceOf(java.net.ConnectException.class);
        } finally {
            connection.close();
        }
    }

    private static byte[] parameters(Map<String, String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        values.forEach((name, value) -> {
            out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        });
        out.write(0);
        return out.toByteArray();
    }

    private static int queryInt(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }
}
