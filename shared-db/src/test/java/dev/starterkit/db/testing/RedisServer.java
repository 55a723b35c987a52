package dev.starterkit.db.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code redis-server} of a test's own, on a port the OS chose, for tests that stop, restart or cluster it.
 * Never persists anything.
 */
public final class RedisServer implements AutoCloseable {

    private static final String BINARY = "/usr/bin/redis-server";

    private final int port;
    private final Path dir;
    private final List<String> extraArgs;
    private Process process;

    private RedisServer(int port, List<String> extraArgs) {
        this.port = port;
        this.extraArgs = extraArgs;
        try {
            this.dir = Files.createTempDirectory("redis-" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a standalone server on an ephemeral port. */
    public static RedisServer start(String... extraArgs) {
        RedisServer server = new RedisServer(freePort(), List.of(extraArgs));
        server.restart();
        return server;
    }

    /** The port. */
    public int port() {
        return port;
    }

    /** The {@code redis://} URL. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server (kills it), keeping the port for {@link #restart()}. */
    public void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the server again on the same port. */
    public void restart() {
        List<String> command = new ArrayList<>(List.of(BINARY, "--port", Integer.toString(port), "--bind",
            "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        command.addAll(extraArgs);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + BINARY, e);
        }
        for (int i = 0; i < 200 && !reachable(port); i++) {
            sleep(25);
        }
        if (!reachable(port)) {
            throw new IllegalStateException("redis-server did not start on port " + port);
        }
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
