package fr.veza.identity.internal;

import fr.veza.platform.ratelimit.RateLimiter;
import fr.veza.platform.web.ProblemWriter;
import fr.veza.platform.web.PublicEndpoints;
import fr.veza.platform.web.RestrictedEndpoints;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Everything under {@code /api/v1} requires an authenticated caller (a bearer token or an {@code X-API-Key}),
 * except what modules declare as {@link PublicEndpoints}; {@code /api/v1/admin/**} requires an admin. Tokens and
 * keys, never cookies, carry identity on the API, so there is no CSRF surface there.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            List<PublicEndpoints> publicEndpoints,
            List<RestrictedEndpoints> restrictedEndpoints,
            AccessTokens tokens,
            BearerAuthenticationConverter converter,
            ProblemAuthenticationHandlers problems,
            ApiKeyService apiKeys,
            RateLimiter rateLimiter,
            ProblemWriter problemWriter,
            ApiKeySettings apiKeySettings)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> {})
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(authorize -> {
                    // what is public to GET is public to HEAD, which players and proxies send before a GET
                    publicEndpoints.stream()
                            .flatMap(module -> module.endpoints().stream())
                            .flatMap(endpoint -> HttpMethod.GET.equals(endpoint.method())
                                    ? Stream.of(
                                            endpoint, new PublicEndpoints.Endpoint(HttpMethod.HEAD, endpoint.pattern()))
                                    : Stream.of(endpoint))
                            .forEach(endpoint -> authorize
                                    .requestMatchers(PathPatternRequestMatcher.withDefaults()
                                            .matcher(endpoint.method(), endpoint.pattern()))
                                    .permitAll());
                    authorize.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                    restrictedEndpoints.stream()
                            .flatMap(module -> module.restrictions().stream())
                            .forEach(restriction -> authorize
                                    .requestMatchers(PathPatternRequestMatcher.withDefaults()
                                            .matcher(restriction.method(), restriction.pattern()))
                                    .hasRole(restriction.role()));
                    authorize.requestMatchers("/api/v1/admin/**").hasRole("ADMIN");
                    authorize.requestMatchers("/api/v1/**").authenticated();
                    authorize.anyRequest().permitAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(bearerTokens())
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(apiKeys, rateLimiter, problemWriter, apiKeySettings),
                        BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The token from the Authorization header; a WebSocket handshake may carry it as {@code ?access_token=}
     * instead, because browsers cannot set headers on one. Nowhere else is a token read from the URL.
     */
    private static BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver headers = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver handshakes = new DefaultBearerTokenResolver();
        handshakes.setAllowUriQueryParameter(true);
        // the actuator has its own token (METRICS_TOKEN), checked by ActuatorAccessFilter, which is no JWT
        return request -> request.getRequestURI().startsWith("/actuator/")
                ? null
                : "websocket".equalsIgnoreCase(request.getHeader("Upgrade")) && "GET".equals(request.getMethod())
                        ? handshakes.resolve(request)
                        : headers.resolve(request);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_ARTIST\nROLE_ARTIST > ROLE_LISTENER");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    PublicEndpoints identityPublicEndpoints() {
        return () -> List.of(
                PublicEndpoints.Endpoint.post("/api/v1/auth/register"),
                PublicEndpoints.Endpoint.post("/api/v1/auth/login"),
                PublicEndpoints.Endpoint.post("/api/v1/auth/refresh"),
                PublicEndpoints.Endpoint.post("/api/v1/auth/recover"),
                PublicEndpoints.Endpoint.get("/api/v1/users/{id}"));
    }
}
