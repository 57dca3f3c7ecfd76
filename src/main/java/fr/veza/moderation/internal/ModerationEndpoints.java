package fr.veza.moderation.internal;

import fr.veza.platform.web.RestrictedEndpoints;
import fr.veza.platform.web.RestrictedEndpoints.Restriction;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ModerationEndpoints {

    /** The queue is the one part of the admin API moderators reach; the rest of it stays for admins. */
    @Bean
    RestrictedEndpoints moderationRestrictedEndpoints() {
        return () -> List.of(
                new Restriction(null, "/api/v1/admin/reports", "MODERATOR"),
                new Restriction(null, "/api/v1/admin/reports/**", "MODERATOR"),
                new Restriction(null, "/api/v1/admin/appeals", "MODERATOR"),
                new Restriction(null, "/api/v1/admin/appeals/**", "MODERATOR"));
    }
}
