package dev.starterkit.tools.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Creates the JDK HTTP servers of the local tools (bin/dev's API, the studio) on loopback. */
public final class LoopbackHttp {

    /**
     * The JDK server writes a response's headers and its body as two segments and leaves Nagle's algorithm on, so
     * the body waits for the client's delayed ACK: about 40 ms on every response. It reads this property once, when
     * its first server is created in the JVM, which is why every tools server is created here.
     */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private LoopbackHttp() {
    }

    /** A server on 127.0.0.1:{@code port} (0: a free port), not started yet, that sends with TCP_NODELAY. */
    public static HttpServer create(int port, int backlog) throws IOException {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        return HttpServer.create(new InetSocketAddress("127.0.0.1", port), backlog);
    }
}
