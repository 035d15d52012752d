package com.europages.loadbce.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.europages.loadbce.EmbeddedServicesFixture;
import com.europages.loadbce.config.AppConfig;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The local profile's management server listens on 127.0.0.1 only, unless camel.management.host says otherwise. */
class LocalManagementServerListensOnLoopbackTest {

    @RegisterExtension
    static final EmbeddedServicesFixture local = EmbeddedServicesFixture.runningService(Clock.systemUTC(), Map.of());

    @Test
    void theServerListensOnLoopbackAndIsNotReachedFromAnotherInterface() throws Exception {
        VertxPlatformHttpServer server = local.runtime().camelContext().hasServices(VertxPlatformHttpServer.class)
                .iterator().next();
        assertThat(server.getHost()).isEqualTo("127.0.0.1");
        int port = local.runtime().managementPort();
        assertThat(ManagementHttp.get(local.runtime(), "/observe/health/live").statusCode()).isEqualTo(200);
        InetAddress other = NetworkInterface.networkInterfaces().filter(LocalManagementServerListensOnLoopbackTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
        if (other != null) {
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(other, port), 2000);
                }
            }).as("connect to %s:%d", other, port).isInstanceOf(IOException.class);
        }
    }

    static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp();
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void anEnvironmentVariableOpensItOnEveryInterface() {
        AppConfig configured = AppConfig.load(Path.of("").toAbsolutePath(),
                Map.of("APP_PROFILE", "local", "CAMEL_MANAGEMENT_HOST", "0.0.0.0"), new Properties());
        assertThat(configured.get("camel.management.host")).isEqualTo("0.0.0.0");
        AppConfig production = AppConfig.load(Path.of("").toAbsolutePath(), Map.of("APP_PROFILE", "production"),
                new Properties());
        assertThat(production.get("camel.management.host")).as("the container publishes its port").isEqualTo("0.0.0.0");
    }
}
