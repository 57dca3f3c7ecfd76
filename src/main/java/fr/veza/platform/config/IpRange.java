package fr.veza.platform.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/** An IP address or a CIDR range, IPv4 or IPv6, such as {@code 10.0.0.0/8}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IpRange.Validator.class)
public @interface IpRange {

    String message() default "must be an IP address or a CIDR range such as 10.0.0.0/8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IpRange, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String address = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
            // IpAddressMatcher resolves host names; only literal addresses are accepted here
            if (!address.matches("[0-9.]+|[0-9a-fA-F:]+") || !address.matches(".*[.:].*")) {
                return false;
            }
            try {
                new IpAddressMatcher(value);
                return true;
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
    }
}
