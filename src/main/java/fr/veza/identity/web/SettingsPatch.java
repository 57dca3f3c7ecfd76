package fr.veza.identity.web;

import fr.veza.identity.internal.UserSettings;
import fr.veza.platform.errors.VezaException;
import jakarta.validation.constraints.Pattern;
import java.time.DateTimeException;
import java.time.ZoneId;

/** A partial update of the settings; absent fields are left as they are. */
record SettingsPatch(
        @Pattern(regexp = "^[a-z]{2,3}(-[A-Z]{2})?$", message = "must be a language tag such as en or fr-FR")
        String locale,

        String timezone,
        Boolean emailNotifications,
        Boolean explicitContent) {

    UserSettings applyTo(UserSettings current) {
        if (timezone != null) {
            try {
                ZoneId.of(timezone);
            } catch (DateTimeException unknown) {
                throw VezaException.invalid("timezone", "must be an IANA time zone such as Europe/Paris");
            }
        }
        return new UserSettings(
                locale != null ? locale : current.locale(),
                timezone != null ? timezone : current.timezone(),
                emailNotifications != null ? emailNotifications : current.emailNotifications(),
                explicitContent != null ? explicitContent : current.explicitContent());
    }
}
