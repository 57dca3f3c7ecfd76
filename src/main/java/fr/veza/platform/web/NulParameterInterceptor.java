package fr.veza.platform.web;

import fr.veza.platform.errors.VezaException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a NUL character in a query or form parameter (multipart text fields included), which PostgreSQL cannot
 * store, naming the parameter; JSON bodies get the same rule from {@link StrictJson}. It runs after security, so an
 * upload nobody may make is refused before its parts are read.
 */
class NulParameterInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                throw VezaException.invalid("parameter", "names must not contain a NUL character");
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw VezaException.invalid(parameter.getKey(), "must not contain a NUL character");
                }
            }
        }
        return true;
    }
}
