package fr.veza.site;

import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Page;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors as a browser sees them: a page in the site's layout that says what happened in words, never a problem
 * document and never a stack trace. Only for a browser asking for a page (HTML, outside {@code /api/}): the API
 * keeps its problem documents, whoever asks.
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (!wantsPage(request)) {
            return null;
        }
        int status;
        if (failure instanceof VezaException refused) {
            status = refused.errorCode().status();
        } else if (failure instanceof ErrorResponse known) {
            status = known.getStatusCode().value();
        } else {
            log.error("page {} failed", request.getRequestURI(), failure);
            status = 500;
        }
        return page(status, response);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE)
                && !path.startsWith("/api/")
                && !path.startsWith("/v3/")
                && !path.startsWith("/actuator");
    }

    static ModelAndView page(int status, HttpServletResponse response) {
        int shown = status < 400 || status > 599 ? 500 : status;
        response.setStatus(shown);
        ModelAndView page = new ModelAndView("site/error");
        page.setStatus(org.springframework.http.HttpStatus.valueOf(shown));
        page.addObject("status", shown);
        page.addObject(
                "kind",
                switch (shown) {
                    case 401, 403 -> "forbidden";
                    case 404, 410 -> "missing";
                    case 429 -> "busy";
                    default -> shown >= 500 ? "broken" : "refused";
                });
        return page;
    }

    /** Errors raised before any handler (the container, a filter), when a browser asked for the page. */
    @Page
    static class ErrorPage {

        @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
        ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            return page(status instanceof Integer code ? code : 404, response);
        }
    }
}
