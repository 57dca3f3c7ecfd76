package fr.veza.platform.web;

import fr.veza.platform.errors.VezaException;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * An admin's decision taken from a console page: only once its box was ticked (the page's
 * {@code admin-confirm(decision)} fragment), and refused in words otherwise. The service that takes it audits it.
 */
@Component
public class AdminDecisions {

    private final FormErrors formErrors;

    AdminDecisions(FormErrors formErrors) {
        this.formErrors = formErrors;
    }

    /** Takes the decision when {@code confirmed}; the answer says what came of it or why it was not taken. */
    public <T> Decision<T> take(String decision, boolean confirmed, Supplier<T> action) {
        if (!confirmed) {
            return new Decision<>(null, Map.of("confirm-" + decision, formErrors.text("admin.confirm-needed")));
        }
        try {
            return new Decision<>(action.get(), Map.of());
        } catch (VezaException refused) {
            return new Decision<>(null, Map.of("form", formErrors.sentence(refused)));
        }
    }

    /**
     * @param outcome what the service answered, when taken
     * @param refused why not, under {@code confirm-<decision>} (not ticked) or {@code form} (refused by the
     *     service), ready for the page's {@code errors}
     */
    public record Decision<T>(T outcome, Map<String, String> refused) {

        public boolean taken() {
            return refused.isEmpty();
        }
    }
}
