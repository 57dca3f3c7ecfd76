package fr.veza.chat.internal;

import fr.veza.platform.moderation.ReportableContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Messages a member reports; moderators read them with the few messages around them, which is the context a
 * report of harassment needs. A hidden message loses its text for everyone but its author, live and in history.
 */
@Component
class ReportableMessages implements ReportableContent {

    private static final int CONTEXT_EACH_SIDE = 5;

    private final ChatRepository chats;
    private final ChatService service;

    ReportableMessages(ChatRepository chats, ChatService service) {
        this.chats = chats;
        this.service = service;
    }

    @Override
    public String type() {
        return "message";
    }

    @Override
    public Optional<Reported> visibleTo(UUID id, UUID viewerId) {
        return chats.message(id)
                .filter(m -> m.isText() && m.deletedAt() == null && chats.isMember(m.roomId(), viewerId))
                .filter(m -> !m.hidden() || viewerId.equals(m.authorId()))
                .map(m -> reported(m, List.of()));
    }

    @Override
    public Optional<Reported> forModerators(UUID id) {
        return chats.message(id).map(m -> reported(m, chats.around(m, CONTEXT_EACH_SIDE)));
    }

    private static Reported reported(ChatMessage message, List<ChatMessage> around) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("room_id", message.roomId());
        context.put("created_at", message.createdAt().toString());
        context.put("deleted", message.deletedAt() != null);
        context.put(
                "messages",
                around.stream()
                        .map(m -> {
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("id", m.id());
                            line.put("author_id", m.authorId());
                            line.put("body", m.deletedAt() == null ? m.body() : null);
                            line.put("created_at", m.createdAt().toString());
                            line.put("kind", m.kind());
                            return line;
                        })
                        .toList());
        String body = message.body();
        return new Reported(message.authorId(), Reported.labelOf(body), body, message.hidden(), context);
    }

    @Override
    public boolean hide(UUID id) {
        return service.hideByModerators(id);
    }

    @Override
    public boolean restore(UUID id) {
        return service.restoreByModerators(id);
    }
}
