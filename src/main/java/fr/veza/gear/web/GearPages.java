package fr.veza.gear.web;

import fr.veza.gear.internal.GearItem;
import fr.veza.gear.internal.GearService;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.config.CurrencySettings;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.FormErrors;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.TypedAmounts;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A person's gear as a settings page: the inventory with each warranty's state (ending soon and ended stand out),
 * an item added, edited or removed. Same service and rules as the gear API.
 */
@Page
class GearPages {

    private static final String LABELS = "gear.field.";

    private final GearService gear;
    private final TypedAmounts amounts;
    private final CurrencySettings currencies;
    private final FormErrors formErrors;
    private final Clock clock;

    GearPages(GearService gear, TypedAmounts amounts, CurrencySettings currencies, FormErrors formErrors, Clock clock) {
        this.gear = gear;
        this.amounts = amounts;
        this.currencies = currencies;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/settings/gear")
    String list(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        return listPage(viewer, ItemForm.EMPTY, Map.of(), model);
    }

    @PostMapping("/settings/gear")
    String add(
            @AuthenticationPrincipal CurrentUser viewer,
            @ModelAttribute ItemForm form,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            gear.add(viewer, fields(form));
            return "redirect:/settings/gear?added";
        } catch (VezaException refused) {
            formErrors.add(errors, refused, LABELS);
        }
        response.setStatus(422);
        return listPage(viewer, form, errors, model);
    }

    @GetMapping("/settings/gear/{id}")
    String item(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID id, Model model) {
        GearItem item = gear.get(viewer, id);
        return itemPage(item, ItemForm.of(item), Map.of(), model);
    }

    @PostMapping("/settings/gear/{id}")
    String edit(
            @AuthenticationPrincipal CurrentUser viewer,
            @PathVariable UUID id,
            @ModelAttribute ItemForm form,
            HttpServletResponse response,
            Model model) {
        GearItem item = gear.get(viewer, id);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            gear.replace(viewer, id, fields(form));
            return "redirect:/settings/gear/" + id + "?saved";
        } catch (VezaException refused) {
            formErrors.add(errors, refused, LABELS);
        }
        response.setStatus(422);
        return itemPage(item, form, errors, model);
    }

    @PostMapping("/settings/gear/{id}/remove")
    String remove(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID id) {
        gear.remove(viewer, id);
        return "redirect:/settings/gear?removed";
    }

    private String listPage(CurrentUser viewer, ItemForm form, Map<String, String> errors, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        model.addAttribute(
                "items",
                gear.all(viewer).stream()
                        .map(item -> GearLine.of(item, today, gear.warrantyNoticeDays()))
                        .toList());
        model.addAttribute("noticeDays", gear.warrantyNoticeDays());
        return formPage(form, errors, model, "gear/gear");
    }

    private String itemPage(GearItem item, ItemForm form, Map<String, String> errors, Model model) {
        model.addAttribute("item", item);
        return formPage(form, errors, model, "gear/item");
    }

    private String formPage(ItemForm form, Map<String, String> errors, Model model, String view) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("currencies", currencies.accepted());
        return view;
    }

    private GearItem.Fields fields(ItemForm form) {
        if (form.name() == null || form.name().isBlank()) {
            throw VezaException.invalid("name", "is needed");
        }
        if (form.name().length() > 200) {
            throw VezaException.invalid("name", "is at most 200 characters");
        }
        Long price = blank(form.price()) ? null : amounts.minor("purchase_price", form.price(), form.currency());
        return new GearItem.Fields(
                form.name().strip(),
                text(form.brand(), "brand", 100),
                text(form.model(), "model", 100),
                text(form.category(), "category", 50),
                text(form.serialNumber(), "serial_number", 100),
                date(form.purchaseDate(), "purchase_date"),
                price,
                price == null ? null : form.currency(),
                date(form.warrantyEnd(), "warranty_end"),
                text(form.notes(), "notes", 2000));
    }

    private static String text(String value, String field, int max) {
        if (blank(value)) {
            return null;
        }
        if (value.length() > max) {
            throw VezaException.invalid(field, "is at most " + max + " characters");
        }
        return value.strip();
    }

    private static LocalDate date(String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            throw VezaException.invalid(field, "must be a date such as 2026-03-31");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The item form as posted; every field is text so that a bad date or amount comes back as typed. */
    public record ItemForm(
            String name,
            String brand,
            String model,
            String category,
            String serialNumber,
            String purchaseDate,
            String price,
            String currency,
            String warrantyEnd,
            String notes) {

        static final ItemForm EMPTY = new ItemForm(null, null, null, null, null, null, null, null, null, null);

        static ItemForm of(GearItem item) {
            GearItem.Fields f = item.fields();
            return new ItemForm(
                    f.name(),
                    f.brand(),
                    f.model(),
                    f.category(),
                    f.serialNumber(),
                    f.purchaseDate() == null ? null : f.purchaseDate().toString(),
                    f.purchasePriceMinor() == null ? null : TypedAmounts.typed(f.purchasePriceMinor(), f.currency()),
                    f.currency(),
                    f.warrantyEnd() == null ? null : f.warrantyEnd().toString(),
                    f.notes());
        }
    }

    /**
     * An item as its list shows it, with its warranty's state: {@code none}, {@code running}, {@code soon} (ending
     * within the notice days) or {@code ended}, and the days left.
     */
    public record GearLine(GearItem item, String warranty, long daysLeft) {

        static GearLine of(GearItem item, LocalDate today, int noticeDays) {
            LocalDate end = item.fields().warrantyEnd();
            if (end == null) {
                return new GearLine(item, "none", 0);
            }
            long left = ChronoUnit.DAYS.between(today, end);
            return new GearLine(item, left < 0 ? "ended" : left <= noticeDays ? "soon" : "running", left);
        }
    }
}
