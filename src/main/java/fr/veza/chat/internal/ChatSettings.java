package fr.veza.chat.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param messagesPerMinute {@code CHAT_MESSAGES_PER_MINUTE}: messages one person may send per minute, all rooms
 * @param maxGroupMembers {@code CHAT_MAX_GROUP_MEMBERS}: the most people a group room holds, its creator included
 */
@Validated
@ConfigurationProperties("veza.chat")
public record ChatSettings(
        @Min(1) int messagesPerMinute, @Min(2) @Max(1000) int maxGroupMembers) {}
