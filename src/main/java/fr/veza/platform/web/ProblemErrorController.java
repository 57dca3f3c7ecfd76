package fr.veza.platform.web;

import fr.veza.platform.errors.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised outside Spring MVC (the servlet container, a filter) with a problem document instead of
 * the container's HTML page, and never with a stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

    // no produces condition: any client that does not ask for HTML first gets the problem document
    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (statusAttribute == null) {
            // asked for directly rather than reached through an error: there is nothing at /error
            statusAttribute = 404;
        }
        int status = statusAttribute instanceof Integer code && code >= 400 ? code : 500;
        ErrorCode code = Problems.codeFor(status);
        String detail = status >= 500 ? "Something went wrong on our side." : code.title() + ".";
        ProblemDetail problem = Problems.of(code, detail);
        problem.setStatus(status);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problems.at(problem, path instanceof String uri ? uri : null);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
