package fr.veza.platform.web;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * What a module serves without authentication. Everything under {@code /api/v1} needs a caller unless a module
 * names it here, so a forgotten rule fails closed.
 */
public interface PublicEndpoints {

    List<Endpoint> endpoints();

    /** A method (null for any) and an Ant-style path pattern. */
    record Endpoint(HttpMethod method, String pattern) {

        public static Endpoint get(String pattern) {
            return new Endpoint(HttpMethod.GET, pattern);
        }

        public static Endpoint post(String pattern) {
            return new Endpoint(HttpMethod.POST, pattern);
        }

        public static Endpoint any(String pattern) {
            return new Endpoint(null, pattern);
        }
    }
}
