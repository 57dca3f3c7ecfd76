package fr.veza.marketplace;

import java.util.Currency;
import java.util.Locale;

/** An amount in the currency's minor unit (cents), never a floating-point number. */
public record Money(long minor, String currency) {

    public Money {
        currency = currency.toUpperCase(Locale.ROOT);
        Currency.getInstance(currency); // rejects anything that is not an ISO 4217 code
    }
}
