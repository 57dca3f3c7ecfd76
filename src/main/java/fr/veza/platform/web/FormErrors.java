package fr.veza.platform.web;

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
public class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** Puts the refusal into {@code errors} under its field. */
    public void add(Map<String, String> errors, VezaException refused) {
        errors.put(field(refused), sentence(refused));
    }

    /** @param labels the prefix of the message keys naming the form's fields */
    public void add(Map<String, String> errors, VezaException refused, String labels) {
        errors.put(field(refused), sentence(refused, labels));
    }

    public String field(VezaException refused) {
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

    public String sentence(VezaException refused) {
        return sentence(refused, "field.");
    }

    /** @param labels the prefix of the message keys naming the form's fields, for forms whose labels are their own */
    public String sentence(VezaException refused, String labels) {
        if (!refused.violations().isEmpty()) {
            var violation = refused.violations().get(0);
            return text(labels + violation.field()) + " " + violation.message() + ".";
        }
        if (refused.errorCode() == ErrorCode.RATE_LIMITED) {
            return text("login.error.too-many");
        }
        return refused.getMessage();
    }

    public static int status(VezaException refused) {
        return refused.errorCode() == ErrorCode.RATE_LIMITED
                ? HttpStatus.TOO_MANY_REQUESTS.value()
                : HttpStatus.UNPROCESSABLE_ENTITY.value();
    }

    public String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
