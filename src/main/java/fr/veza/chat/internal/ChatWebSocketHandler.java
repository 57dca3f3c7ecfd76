package fr.veza.chat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.LiveSessions;
import fr.veza.platform.errors.VezaException;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * One person's chat socket. The handshake was authenticated like any API call (a bearer token, or
 * {@code ?access_token=} since browsers cannot set headers on a WebSocket). Frames in are JSON objects:
 * {@code {"type":"send","room_id","body","client_ref","reply_to"}}, {@code {"type":"typing","room_id"}},
 * {@code {"type":"read"|"delivered","room_id","message_id"}}, {@code {"type":"presence","status":"online"|"away"}},
 * {@code {"type":"renew","access_token"}} (a fresh
 * token of the same person, before the first expires); a refused frame is answered with
 * {@code {"type":"error","code","detail","client_ref"}} and the socket stays open. {@link ChatSocketGuard} closes
 * it when what signed it in ends.
 */
@Component
class ChatWebSocketHandler extends TextWebSocketHandler {

    static final String USER = "veza.user";
    /** When the access token that opened the socket (or renewed it) expires; absent for a browser's cookie. */
    static final String EXPIRES = "veza.expires";

    private static final String SAFE = "veza.safe";

    private final ChatService chat;
    private final ChatSockets sockets;
    private final LiveSessions sessions;
    private final ObjectMapper json;

    ChatWebSocketHandler(ChatService chat, ChatSockets sockets, LiveSessions sessions, ObjectMapper json) {
        this.chat = chat;
        this.sockets = sockets;
        this.sessions = sessions;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        CurrentUser user = user(session.getPrincipal());
        if (user == null) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("not signed in"));
            return;
        }
        session.getAttributes().put(USER, user);
        sessions.tokenExpiry(session.getPrincipal())
                .ifPresent(expiry -> session.getAttributes().put(EXPIRES, expiry));
        boolean first = !sockets.people().contains(user.id());
        session.getAttributes().put(SAFE, sockets.opened(user.id(), session));
        if (first) {
            announce(user, "online");
        }
    }

    private void announce(CurrentUser user, String status) {
        try {
            chat.announce(user.id(), status);
        } catch (RuntimeException e) {
            // presence is a courtesy: a store that is down costs it, never the socket
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        CurrentUser user = (CurrentUser) session.getAttributes().get(USER);
        WebSocketSession safe = (WebSocketSession) session.getAttributes().get(SAFE);
        String ref = null;
        try {
            JsonNode frame = json.readTree(message.getPayload());
            ref = text(frame, "client_ref");
            if ("renew".equals(text(frame, "type"))) {
                renew(session, safe, user, text(frame, "access_token"));
                return;
            }
            if ("presence".equals(text(frame, "type"))) {
                chat.presence(user, text(frame, "status"));
                return;
            }
            UUID room = uuid(frame, "room_id");
            switch (text(frame, "type") == null ? "" : text(frame, "type")) {
                case "send" ->
                    chat.send(
                            user,
                            room,
                            text(frame, "body"),
                            ref,
                            text(frame, "reply_to") == null ? null : uuid(frame, "reply_to"));
                case "typing" -> chat.typing(user, room);
                case "read" -> chat.read(user, room, uuid(frame, "message_id"));
                case "delivered" -> chat.delivered(user, room, uuid(frame, "message_id"));
                default ->
                    throw VezaException.invalid("type", "must be send, typing, read, delivered, presence or renew");
            }
        } catch (VezaException e) {
            String detail = e.violations().isEmpty()
                    ? e.getMessage()
                    : e.violations().get(0).field() + " "
                            + e.violations().get(0).message();
            error(safe, e.errorCode().code(), detail, ref);
        } catch (IOException e) {
            error(safe, "validation_failed", "A frame is one JSON object.", ref);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        CurrentUser user = (CurrentUser) session.getAttributes().get(USER);
        if (user != null) {
            sockets.closed(user.id(), session);
            if (!sockets.people().contains(user.id())) {
                announce(user, "offline");
            }
        }
    }

    /** A fresh access token of the same person keeps the socket open past the first token's expiry. */
    private void renew(WebSocketSession session, WebSocketSession safe, CurrentUser user, String token)
            throws IOException {
        var renewal = sessions.renew(token)
                .filter(fresh -> fresh.user().id().equals(user.id()))
                .orElseThrow(() -> new VezaException(
                        fr.veza.platform.errors.ErrorCode.INVALID_TOKEN,
                        "The token is not a valid access token of this account."));
        session.getAttributes().put(USER, renewal.user());
        session.getAttributes().put(EXPIRES, renewal.expiresAt());
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "renewed");
        frame.put("expires_at", renewal.expiresAt().toString());
        safe.sendMessage(new TextMessage(json.writeValueAsString(frame)));
    }

    private void error(WebSocketSession session, String code, String detail, String ref) throws IOException {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", code);
        frame.put("detail", detail);
        frame.put("client_ref", ref);
        session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
    }

    private static CurrentUser user(Principal principal) {
        return principal instanceof Authentication authentication
                        && authentication.getPrincipal() instanceof CurrentUser user
                ? user
                : null;
    }

    private static String text(JsonNode frame, String field) {
        JsonNode value = frame.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID uuid(JsonNode frame, String field) {
        String value = text(frame, field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw VezaException.invalid(field, "must be an id");
        }
    }
}
