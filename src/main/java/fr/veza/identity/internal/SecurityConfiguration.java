package fr.veza.identity.internal;

import fr.veza.platform.ratelimit.RateLimiter;
import fr.veza.platform.web.ProblemWriter;
import fr.veza.platform.web.PublicEndpoints;
import fr.veza.platform.web.RestrictedEndpoints;
import fr.veza.platform.web.SignedInPages;
import fr.veza.platform.web.WebSettings;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
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
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two chains: the REST API (below) and the pages ({@link #pageSecurity}). Everything under {@code /api/v1} requires an authenticated caller (a bearer token or an {@code X-API-Key}),
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
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
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
     * Everything that is not the API: pages, their assets, the documentation, health. A browser is signed in by
     * its session cookie; every form and htmx request that changes something carries a CSRF token (a cookie and
     * the same value in the form or the {@code X-CSRF-TOKEN} header). A visitor who opens a page that needs an
     * account is sent to the sign-in page and back.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain pageSecurity(
            HttpSecurity http,
            SessionService sessions,
            BrowserSessionCookie sessionCookie,
            List<SignedInPages> signedInPages,
            WebSettings webSettings,
            Environment environment)
            throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName("veza_csrf");
        csrfTokens.setHeaderName("X-CSRF-TOKEN");
        boolean secure = webSettings.secureCookies(environment);
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(secure).sameSite("Lax"));
        http.securityMatcher("/**")
                // one token for the browser's whole visit: Spring Security would otherwise replace it on every
                // request a cookie signs in (it takes each for a new sign-in), breaking every open page's forms
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy())
                        // one-click unsubscribe comes from a mail client (RFC 8058): its signed link is its proof
                        .ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher(org.springframework.http.HttpMethod.POST, "/unsubscribe/*/*")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BrowserSessionFilter(sessions, sessionCookie), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .authorizeHttpRequests(authorize -> {
                    // the admin console: anyone else signed in gets the 403 page, a visitor the sign-in page
                    authorize
                            .requestMatchers(
                                    PathPatternRequestMatcher.withDefaults().matcher("/admin"))
                            .hasRole("ADMIN")
                            .requestMatchers(
                                    PathPatternRequestMatcher.withDefaults().matcher("/admin/**"))
                            .hasRole("ADMIN");
                    signedInPages.stream()
                            .flatMap(module -> module.patterns().stream())
                            .forEach(pattern -> authorize
                                    .requestMatchers(PathPatternRequestMatcher.withDefaults()
                                            .matcher(pattern))
                                    .authenticated());
                    authorize.anyRequest().permitAll();
                })
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(SecurityConfiguration::toSignIn));
        return http.build();
    }

    /** The sign-in page, which brings the person back to where they were going. */
    private static void toSignIn(
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException unused)
            throws java.io.IOException {
        String target =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.sendRedirect(
                "/login?next=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The token from the Authorization header; a WebSocket handshake may carry it as {@code ?access_token=}
     * instead, because browsers cannot set headers on one. Nowhere else is a token read from the URL.
     */
    private static BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver headers = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver handshakes = new DefaultBearerTokenResolver();
        handshakes.setAllowUriQueryParameter(true);
        return request ->
                "websocket".equalsIgnoreCase(request.getHeader("Upgrade")) && "GET".equals(request.getMethod())
                        ? handshakes.resolve(request)
                        : headers.resolve(request);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(
                "ROLE_ADMIN > ROLE_MODERATOR\nROLE_MODERATOR > ROLE_ARTIST\nROLE_ARTIST > ROLE_LISTENER");
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
                PublicEndpoints.Endpoint.post("/api/v1/auth/password-reset"),
                PublicEndpoints.Endpoint.post("/api/v1/auth/password-reset/confirm"),
                PublicEndpoints.Endpoint.post("/api/v1/auth/verify-email"),
                PublicEndpoints.Endpoint.post("/api/v1/auth/confirm-email"),
                PublicEndpoints.Endpoint.get("/api/v1/users/{id}"),
                PublicEndpoints.Endpoint.get("/api/v1/users/*/images/*"));
    }
}
