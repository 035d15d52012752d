package com.europages.loadbce.rehearsal;

import com.europages.loadbce.tools.ExternalCommand;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * moto's standalone server (S3, SQS, CloudFormation on one port), a foreign AWS emulator: the service meets its
 * notification format, not one this project writes. Started on a free loopback port, killed with its children.
 */
final class MotoServer implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 30_000;

    private final Process process;
    private final int port;
    private final Path log;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static MotoServer start(Path dir) throws IOException, InterruptedException {
        Path tool = ExternalCommand.require("moto_server");
        int port = freePort();
        Path log = dir.resolve("moto_server.log");
        Process p = new ProcessBuilder(tool.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MotoServer server = new MotoServer(p, port, log);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!server.accepts()) {
            if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                server.close();
                throw new IllegalStateException("moto_server did not start on port " + port + ": " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return server;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The account moto serves. */
    String account() {
        return "123456789012";
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        // the pyenv shim starts python as a child: kill the whole tree
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }
}
