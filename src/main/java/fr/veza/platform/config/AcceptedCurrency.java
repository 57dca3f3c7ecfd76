package fr.veza.platform.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A currency code among {@code CURRENCIES}; null is left to {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AcceptedCurrency.Validator.class)
public @interface AcceptedCurrency {

    String message() default "is not a currency Veza accepts (see CURRENCIES)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Built by Spring's validator factory, which injects the settings. */
    class Validator implements ConstraintValidator<AcceptedCurrency, String> {

        private final CurrencySettings settings;

        Validator(CurrencySettings settings) {
            this.settings = settings;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || settings.accepts(value);
        }
    }
}
