package fr.veza.chat.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The chat socket, at two addresses with one handler. {@code /api/v1/chat/ws} is the API's: any origin may open it,
 * since it is authenticated by a bearer token, never by a cookie. {@code /chat/ws} is the web app's: it is
 * authenticated by the browser's session cookie, so no token lands in a URL or an access log, and only pages of
 * Veza's own origin may open it (the cookie is SameSite=Lax too), so a foreign page cannot ride on a signed-in
 * browser.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatWebSocketConfiguration implements WebSocketConfigurer {

    static final String PATH = "/api/v1/chat/ws";
    static final String BROWSER_PATH = "/chat/ws";

    private final ChatWebSocketHandler handler;

    ChatWebSocketConfiguration(ChatWebSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH).setAllowedOriginPatterns("*");
        // no allowed origins named: the same origin only
        registry.addHandler(handler, BROWSER_PATH);
    }

    /** Room for the longest message (4,000 characters, up to four bytes each) in one JSON frame. */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(32 * 1024);
        return container;
    }
}
