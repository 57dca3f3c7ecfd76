package fr.veza.platform.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param accepted {@code CURRENCIES}: the ISO 4217 codes prices may be given in (products, gear); metals, funds and
 *     test codes such as XAU or XXX are no money a person pays with
 */
@Validated
@ConfigurationProperties("veza.currencies")
public record CurrencySettings(@NotEmpty List<String> accepted) {

    public CurrencySettings {
        accepted = accepted == null
                ? List.of()
                : accepted.stream()
                        .map(code -> code.trim().toUpperCase(Locale.ROOT))
                        .filter(code -> !code.isEmpty())
                        .toList();
    }

    public boolean accepts(String code) {
        return code != null && accepted.contains(code.toUpperCase(Locale.ROOT));
    }

    @AssertTrue(message = "CURRENCIES must list active ISO 4217 currency codes such as EUR,USD")
    boolean isEveryCodeACurrency() {
        return accepted.stream().allMatch(code -> {
            try {
                return !code.startsWith("X") && Currency.getInstance(code).getDefaultFractionDigits() >= 0;
            } catch (IllegalArgumentException unknown) {
                return false;
            }
        });
    }
}
