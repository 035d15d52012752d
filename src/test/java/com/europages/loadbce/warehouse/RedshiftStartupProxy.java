package com.europages.loadbce.warehouse;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Loopback proxy letting the real Redshift JDBC driver reach plain PostgreSQL: refuses SSL, strips Redshift-only startup parameters. */
public final class RedshiftStartupProxy implements AutoCloseable {

    /** Startup parameters driver 2.3.0 always sends that PostgreSQL rejects with FATAL "unrecognized configuration parameter". */
    // observed on the wire (plain user auth, no IAM plugin); the rest it sends (user, database, client_encoding, DateStyle,
    // TimeZone, extra_float_digits, application_name) are PostgreSQL's own
    static final Set<String> REDSHIFT_ONLY_PARAMETERS = Set.of(
            "driver_version", "os_version", "client_protocol_version", "driver_discovery_version");

    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;
    private static final int PROTOCOL_3_0 = 196608;
    // PostgreSQL's own ceiling for a startup packet; anything larger is not a client we understand
    private static final int MAX_STARTUP_PACKET = 10_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket listener;
    private final InetSocketAddress postgres;
    private final ExecutorService threads;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private RedshiftStartupProxy(ServerSocket listener, InetSocketAddress postgres) {
        this.listener = listener;
        this.postgres = postgres;
        this.threads = Executors.newCachedThreadPool(daemonThreads("redshift-proxy-" + listener.getLocalPort()));
    }

    /** Listens on an ephemeral loopback port and forwards every connection to PostgreSQL on {@code postgresPort}. */
    public static RedshiftStartupProxy start(int postgresPort) throws IOException {
        // IPv4 explicitly: the JDBC URL says 127.0.0.1 and embedded PostgreSQL listens there, whatever the JVM prefers
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ServerSocket listener = new ServerSocket(0, 50, loopback);
        RedshiftStartupProxy proxy = new RedshiftStartupProxy(listener, new InetSocketAddress(loopback, postgresPort));
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Names of the startup parameters this proxy has removed so far. */
    public Set<String> droppedParameters() {
        return Set.copyOf(dropped);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("redshift proxy: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket server = new Socket();
        try {
            track(client);
            track(server);
            // without TCP_NODELAY Nagle + delayed ACK cost ~40 ms on every small request/response
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(postgres, CONNECT_TIMEOUT_MILLIS);
            OutputStream toServer = server.getOutputStream();
            toServer.write(firstPacketForPostgres(client.getInputStream(), client.getOutputStream()));
            threads.execute(() -> pump(server, client));
            pump(client, server);
        } catch (IOException e) {
            closeBoth(client, server);
        }
    }

    /** Answers SSL/GSS encryption requests with 'N' and returns the packet PostgreSQL should see first. */
    private byte[] firstPacketForPostgres(InputStream fromClient, OutputStream toClient) throws IOException {
        // unbuffered on purpose: bytes after the startup packet must stay in the socket for the pump
        DataInputStream in = new DataInputStream(fromClient);
        while (true) {
            int length = in.readInt();
            if (length < 8 || length > MAX_STARTUP_PACKET) {
                throw new IOException("not a PostgreSQL startup packet, length " + length);
            }
            int code = in.readInt();
            byte[] body = new byte[length - 8];
            in.readFully(body);
            if (code == SSL_REQUEST || code == GSSENC_REQUEST) {
                toClient.write('N');
                toClient.flush();
            } else if (code == PROTOCOL_3_0) {
                return startupWithout(REDSHIFT_ONLY_PARAMETERS, body, dropped);
            } else {
                // CancelRequest and anything else: PostgreSQL decides
                return ByteBuffer.allocate(length).putInt(length).putInt(code).put(body).array();
            }
        }
    }

    /** Rebuilds a protocol 3.0 StartupMessage from its parameter block, leaving out the named parameters. */
    static byte[] startupWithout(Set<String> unwanted, byte[] parameters, Set<String> droppedNames) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(parameters.length);
        int i = 0;
        while (i < parameters.length && parameters[i] != 0) {
            int nameEnd = indexOfZero(parameters, i);
            int valueEnd = indexOfZero(parameters, nameEnd + 1);
            String name = new String(parameters, i, nameEnd - i, StandardCharsets.UTF_8);
            if (unwanted.contains(name)) {
                droppedNames.add(name);
            } else {
                kept.write(parameters, i, valueEnd + 1 - i);
            }
            i = valueEnd + 1;
        }
        kept.write(0);
        int length = 8 + kept.size();
        return ByteBuffer.allocate(length).putInt(length).putInt(PROTOCOL_3_0).put(kept.toByteArray()).array();
    }

    private static int indexOfZero(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("startup parameter not terminated by a zero byte");
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // a reset or a socket closed by the other pump ends the session like an EOF
        } finally {
            closeBoth(from, to);
        }
    }

    private void track(Socket socket) throws IOException {
        sockets.add(socket);
        if (closed) {
            throw new IOException("proxy closed");
        }
    }

    private void closeBoth(Socket a, Socket b) {
        closeQuietly(a);
        closeQuietly(b);
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // the accept loop ends either way
        }
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            // a test that forgets close() must not keep the JVM alive
            thread.setDaemon(true);
            return thread;
        };
    }
}
