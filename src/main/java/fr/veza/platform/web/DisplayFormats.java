package fr.veza.platform.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Prices and dates written for the browser's language (its Accept-Language), as templates show them:
 * {@code ${@formats.price(499, 'EUR')}} is "€4.99" in English and "4,99 €" in French. Dates are written in UTC
 * here; the page's script rewrites every {@code <time datetime>} in the browser's own time zone.
 */
@Component("formats")
public class DisplayFormats {

    public String price(long minor, String currency) {
        Currency unit = Currency.getInstance(currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(unit);
        int digits = Math.max(unit.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(java.math.BigDecimal.valueOf(minor, digits));
    }

    public String date(Instant at) {
        return at == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale())
                        .withZone(ZoneOffset.UTC)
                        .format(at);
    }

    public String dateTime(Instant at) {
        return at == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                                .withLocale(locale())
                                .withZone(ZoneOffset.UTC)
                                .format(at)
                        + " UTC";
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
