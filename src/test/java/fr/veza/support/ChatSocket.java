package fr.veza.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A chat client over a real WebSocket, as a browser would open it: the token in the handshake's query. */
public final class ChatSocket implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private final java.util.concurrent.CompletableFuture<Closed> closed =
            new java.util.concurrent.CompletableFuture<>();

    /** How the server closed the socket. */
    public record Closed(int code, String reason) {}

    private ChatSocket() {}

    public static ChatSocket open(int port, String accessToken) throws Exception {
        ChatSocket client = new ChatSocket();
        client.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(
                        URI.create("ws://localhost:" + port + "/api/v1/chat/ws"
                                + (accessToken == null ? "" : "?access_token=" + accessToken)),
                        client)
                .get(10, TimeUnit.SECONDS);
        return client;
    }

    public void send(Map<String, ?> frame) throws Exception {
        socket.sendText(JSON.writeValueAsString(frame), true).get(10, TimeUnit.SECONDS);
    }

    /** The next frame of this type, skipping others; fails after ten seconds. */
    public JsonNode next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && type.equals(frame.path("type").asText())) {
                return frame;
            }
        }
        throw new AssertionError("no " + type + " frame within 10 s");
    }

    /** Every frame received so far and within {@code wait}, of this type. */
    public List<JsonNode> all(String type, Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode frame : frames) {
            if (type.equals(frame.path("type").asText())) {
                found.add(frame);
            }
        }
        return found;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the server sent a frame that is not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    /** The close the server sent within {@code wait}; fails if it stayed open. */
    public Closed closedWithin(Duration wait) throws Exception {
        return closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (closed.isDone()) {
            return;
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
