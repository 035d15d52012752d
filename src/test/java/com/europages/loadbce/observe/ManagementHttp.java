package com.europages.loadbce.observe;

import com.europages.loadbce.service.ServiceRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs a path of a running service's management server, as a scraper or the container's health check does. */
final class ManagementHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ManagementHttp() {
    }

    static HttpResponse<String> get(ServiceRuntime runtime, String path) throws IOException, InterruptedException {
        int port = runtime.managementPort();
        if (port <= 0) {
            throw new IllegalStateException("management server not running");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
