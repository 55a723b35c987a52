package dev.starterkit.db.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starterkit.db.env.EnvironmentLoader;
import dev.starterkit.db.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the deployed driver path sends to RDS Proxy, recorded by a relay between the driver and PostgreSQL: the
 * proxy pins a session on any SET and on named prepared statements, so the proxy settings must send neither.
 */
class ProxyPinningIT {

    private static final int EXECUTIONS = 10;
    private static String url;

    @BeforeAll
    static void createDatabase() {
        url = TestPostgres.get().createDatabase(ProxyPinningIT.class);
    }

    @AfterAll
    static void dropDatabase() {
        TestPostgres.get().dropDatabase(url);
    }

    @Test
    void proxySettings_shouldSendNoSetAndNoNamedStatement_whenOneStatementRunsTenTimes() throws Exception {
        // GIVEN the settings a deployed function uses behind RDS Proxy
        Frontend sent = record(Map.of());

        // THEN nothing pins: no SET, only unnamed statements; the name travels in the startup packet
        assertThat(sent.simpleQueries()).noneMatch(q -> q.stripLeading().toUpperCase().startsWith("SET"));
        assertThat(sent.parsedStatementNames()).hasSizeGreaterThanOrEqualTo(EXECUTIONS).allMatch(String::isEmpty);
        assertThat(sent.startup()).containsEntry("application_name", "PinningFunction");
    }

    @Test
    void driverDefaults_shouldSendASetAndNamedStatements_whenTheProxyPropertiesAreLeftOut() throws Exception {
        // GIVEN pgjdbc's defaults (what this check guards against)
        Map<String, String> defaults = new HashMap<>();
        defaults.put("assumeMinServerVersion", null);
        defaults.put("prepareThreshold", null);

        Frontend sent = record(defaults);

        assertThat(sent.simpleQueries()).anyMatch(q -> q.startsWith("SET application_name"));
        assertThat(sent.parsedStatementNames()).anyMatch(name -> !name.isEmpty());
    }

    /** Runs one statement {@value #EXECUTIONS} times with the proxy settings changed by {@code overrides}. */
    private static Frontend record(Map<String, String> overrides) throws Exception {
        DatabaseUrl target = DatabaseUrl.parse(url, "test");
        try (Relay relay = new Relay(target.host(), target.port())) {
            ConnectionSettings settings = onPort(overrides, relay.port());
            try (Connection c = Connector.jdbc().connect(settings);
                 PreparedStatement s = c.prepareStatement("SELECT ?::int + 1")) {
                for (int i = 0; i < EXECUTIONS; i++) {
                    s.setInt(1, i);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(i + 1);
                    }
                }
            }
            return new Frontend(relay.clientBytes());
        }
    }

    /** The proxy settings, pointed at the relay, without TLS and the credential plugin (local PostgreSQL). */
    private static ConnectionSettings onPort(Map<String, String> overrides, int port) {
        DatabaseUrl target = DatabaseUrl.parse(url, "test");
        ConnectionSettings proxy = ConnectionSettingsFactory.fromEnvironment(EnvironmentLoader.load(Optional.empty(),
            Map.of("DB_PROXY_ENDPOINT", "127.0.0.1", "DB_PORT", Integer.toString(port), "DB_NAME", target.database(),
                "DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:x"), Path.of("target")),
            "PinningFunction");
        Map<String, String> props = new HashMap<>(proxy.properties());
        props.put("wrapperPlugins", "");
        props.remove("secretsManagerSecretId");
        props.put("sslmode", "disable");
        props.put("gssEncMode", "disable");
        props.put("user", target.user());
        if (target.password() != null) {
            props.put("password", target.password());
        }
        overrides.forEach((key, value) -> {
            if (value == null) {
                props.remove(key);
            } else {
                props.put(key, value);
            }
        });
        return new ConnectionSettings(proxy.jdbcUrl(), props, proxy.redactedTarget(), "PinningFunction",
            proxy.validateAfterIdle());
    }

    /** A TCP relay on an ephemeral port to PostgreSQL that keeps every byte the client sent. */
    private static final class Relay implements AutoCloseable {
        private final ServerSocket server;
        private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
        private final List<Thread> pumps = new ArrayList<>();
        private final List<Socket> sockets = new ArrayList<>();

        Relay(String host, int port) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> accept(host, port), "relay-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept(String host, int port) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(host, port);
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(upstream);
                }
                pump(client.getInputStream(), upstream.getOutputStream(), true);
                pump(upstream.getInputStream(), client.getOutputStream(), false);
            } catch (IOException e) {
                // The relay was closed before a client connected.
            }
        }

        private void pump(InputStream in, OutputStream out, boolean record) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        if (record) {
                            synchronized (fromClient) {
                                fromClient.write(buffer, 0, n);
                            }
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                    out.close();
                } catch (IOException e) {
                    // One side closed the connection.
                }
            }, "relay-pump");
            thread.setDaemon(true);
            synchronized (pumps) {
                pumps.add(thread);
            }
            thread.start();
        }

        /** The client's bytes, once it has closed its connection (bounded wait). */
        byte[] clientBytes() throws InterruptedException {
            List<Thread> running;
            synchronized (pumps) {
                running = new ArrayList<>(pumps);
            }
            for (Thread pump : running) {
                pump.join(5_000);
            }
            synchronized (fromClient) {
                return fromClient.toByteArray();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (sockets) {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    /** The PostgreSQL frontend messages in the client's bytes. */
    private record Frontend(Map<String, String> startup, List<String> simpleQueries,
                            List<String> parsedStatementNames) {

        Frontend(byte[] bytes) {
            this(new HashMap<>(), new ArrayList<>(), new ArrayList<>());
            ByteBuffer in = ByteBuffer.wrap(bytes);
            int length = in.getInt(0);
            while (length == 8) {
                in.position(in.position() + 8);
                length = in.getInt(in.position());
            }
            int start = in.position() + 8;
            String[] pairs = cstrings(bytes, start, in.position() + length - 1);
            for (int i = 0; i + 1 < pairs.length; i += 2) {
                startup.put(pairs[i], pairs[i + 1]);
            }
            in.position(in.position() + length);
            while (in.remaining() >= 5) {
                byte type = in.get();
                int size = in.getInt();
                int payload = in.position();
                if (type == 'Q') {
                    simpleQueries.add(cstrings(bytes, payload, payload + size - 4)[0]);
                } else if (type == 'P') {
                    parsedStatementNames.add(cstrings(bytes, payload, payload + size - 4)[0]);
                }
                in.position(payload + size - 4);
            }
        }

        private static String[] cstrings(byte[] bytes, int from, int to) {
            List<String> values = new ArrayList<>();
            int start = from;
            for (int i = from; i < to; i++) {
                if (bytes[i] == 0) {
                    values.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start < to) {
                values.add(new String(bytes, start, to - start, StandardCharsets.UTF_8));
            }
            return values.isEmpty() ? new String[] {""} : values.toArray(String[]::new);
        }
    }
}
