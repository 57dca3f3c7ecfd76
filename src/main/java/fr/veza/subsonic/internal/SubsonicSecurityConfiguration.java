package fr.veza.subsonic.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /rest/**} has its own chain: no cookie and no bearer token count there, and no CSRF token is asked for
 * (players post forms with their credentials in them, never a browser session). Every request reaches the Subsonic
 * controllers, which check the Subsonic credentials themselves, because a refusal must be a Subsonic answer (HTTP
 * 200, {@code status="failed"}), not a 401.
 */
@Configuration(proxyBeanMethods = false)
class SubsonicSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain subsonicSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/rest/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }
}
