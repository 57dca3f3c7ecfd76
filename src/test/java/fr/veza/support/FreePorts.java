package fr.veza.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** For engines that must be told their port before they start. */
public final class FreePorts {

    private FreePorts() {}

    /** A port free right now (the operating system's choice). */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
