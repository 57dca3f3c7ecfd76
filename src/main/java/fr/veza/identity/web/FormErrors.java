package fr.veza.identity.web;

import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A refusal of the account rules as a form shows it: which field it belongs to ({@code form} when none), a sentence
 * with the field's label, and the status the page answers with.
 */
@Component
class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** Puts the refusal into {@code errors} under its field. */
    void add(Map<String, String> errors, VezaException refused) {
        errors.put(field(refused), sentence(refused));
    }

    String field(VezaException refused) {
        if (refused.errorCode() == ErrorCode.EMAIL_TAKEN) {
            return "email";
        }
        if (refused.errorCode() == ErrorCode.USERNAME_TAKEN) {
            return "username";
        }
        if (refused.errorCode() == ErrorCode.WRONG_PASSWORD) {
            return "current_password";
        }
        return refused.violations().isEmpty()
                ? "form"
                : refused.violations().get(0).field();
    }

    String sentence(VezaException refused) {
        if (!refused.violations().isEmpty()) {
            var violation = refused.violations().get(0);
            return text("field." + violation.field()) + " " + violation.message() + ".";
        }
        if (refused.errorCode() == ErrorCode.RATE_LIMITED) {
            return text("login.error.too-many");
        }
        return refused.getMessage();
    }

    static int status(VezaException refused) {
        return refused.errorCode() == ErrorCode.RATE_LIMITED
                ? HttpStatus.TOO_MANY_REQUESTS.value()
                : HttpStatus.UNPROCESSABLE_ENTITY.value();
    }

    String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
