package fr.veza.legal.web;

import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A counter-notice as a form posts it, whether the uploader sends it from the studio or an admin enters one
 * received by mail: every 17 USC 512(g)(3) element, checked by the API's rules, each refusal under its field.
 */
record CounterNoticeForm(Map<String, String> values, Map<String, String> errors, DmcaController.CounterNotice counter) {

    private static final List<String> TEXTS = List.of("name", "address", "phone", "email", "signature");
    private static final List<String> STATEMENTS =
            List.of("statement_of_good_faith_mistake", "consent_to_jurisdiction");

    static CounterNoticeForm read(Map<String, String> posted, Validator validator) {
        Map<String, String> values = new LinkedHashMap<>();
        TEXTS.forEach(field -> values.put(field, posted.getOrDefault(field, "").strip()));
        STATEMENTS.forEach(field -> values.put(field, posted.getOrDefault(field, "")));
        var counter = new DmcaController.CounterNotice(
                values.get("name"),
                values.get("address"),
                values.get("phone"),
                values.get("email"),
                "true".equals(values.get("statement_of_good_faith_mistake")),
                "true".equals(values.get("consent_to_jurisdiction")),
                values.get("signature"));
        Map<String, String> errors = new LinkedHashMap<>();
        validator
                .validate(counter)
                .forEach(violation -> errors.putIfAbsent(
                        DmcaForms.snake(violation.getPropertyPath().toString()),
                        DmcaForms.sentence(violation.getMessage())));
        return new CounterNoticeForm(values, errors, counter);
    }

    boolean valid() {
        return errors.isEmpty();
    }
}
