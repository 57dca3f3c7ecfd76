package fr.veza.platform.web;

import fr.veza.platform.config.CurrencySettings;
import fr.veza.platform.errors.VezaException;
import java.math.BigDecimal;
import java.util.Currency;
import org.springframework.stereotype.Component;

/**
 * Amounts of money as people type them into a form ("4.99", "4,99") and as a form shows them back, in the
 * currency's minor unit, which is how Veza stores and sends every amount.
 */
@Component
public class TypedAmounts {

    private final CurrencySettings currencies;

    TypedAmounts(CurrencySettings currencies) {
        this.currencies = currencies;
    }

    /**
     * @param field the form field the amount was typed into, named in the refusal
     * @return the amount in minor units, never negative
     */
    public long minor(String field, String amount, String currency) {
        if (currency == null || !currencies.accepts(currency)) {
            throw VezaException.invalid("currency", "must be one of " + String.join(", ", currencies.accepted()));
        }
        try {
            long minor = new BigDecimal(amount.strip().replace(',', '.'))
                    .movePointRight(digits(currency))
                    .longValueExact();
            if (minor < 0) {
                throw VezaException.invalid(field, "must not be negative");
            }
            return minor;
        } catch (NumberFormatException | ArithmeticException notAnAmount) {
            throw VezaException.invalid(field, "must be an amount such as 4.99");
        }
    }

    /** The amount as a form field shows it back: "4.99" for 499 EUR, "500" for 500 JPY. */
    public static String typed(long minor, String currency) {
        return BigDecimal.valueOf(minor, digits(currency)).toPlainString();
    }

    private static int digits(String currency) {
        return Math.max(Currency.getInstance(currency.toUpperCase()).getDefaultFractionDigits(), 0);
    }
}
