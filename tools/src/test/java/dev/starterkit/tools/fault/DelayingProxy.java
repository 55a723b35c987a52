package dev.starterkit.tools.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on an ephemeral loopback port that forwards to {@code 127.0.0.1:targetPort}: it can hold every chunk
 * it forwards, in either direction, for a set delay (a slow network or an overloaded server), and drop every
 * connection at once (a network blip).
 */
final class DelayingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong delayedChunks = new AtomicLong();
    private volatile long delayMillis;
    private volatile boolean closed;

    private DelayingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "proxy-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy to {@code targetPort} on loopback. */
    static DelayingProxy start(int targetPort) {
        try {
            return new DelayingProxy(targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** A {@code redis://} URL through this proxy. */
    String redisUrl() {
        return "redis://127.0.0.1:" + port();
    }

    /** Holds each chunk for {@code delay} before forwarding it; zero forwards at once. */
    void delay(Duration delay) {
        this.delayMillis = delay.toMillis();
    }

    /** Chunks forwarded after a delay so far. */
    long delayedChunks() {
        return delayedChunks.get();
    }

    /** Closes every open connection, both sides; new connections are still accepted. */
    void dropConnections() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                } catch (IOException e) {
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                }
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("proxy: accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    long delay = delayMillis;
                    if (delay > 0) {
                        delayedChunks.incrementAndGet();
                        Thread.sleep(delay);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                // one side closed or was dropped: the other side goes too
            } catch (IOException e) {
                System.err.println("proxy: forwarding failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            System.err.println("proxy: close failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            System.err.println("proxy: close failed: " + e.getMessage());
        }
        dropConnections();
    }
}
