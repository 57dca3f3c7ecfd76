package fr.veza.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/** One real redis-server for the test JVM, started on first use; tests that need Redis point REDIS_URL at it. */
public final class TestRedis {

    private static RedisServer server;
    private static int port;

    private TestRedis() {}

    public static synchronized String url() {
        if (server == null) {
            port = FreePorts.next();
            try {
                server = new RedisServer(port);
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::stop));
        }
        return "redis://localhost:" + port;
    }

    /** Stops the server, as an outage would; {@link #restart()} brings it back on the same port. */
    public static synchronized void stop() {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
