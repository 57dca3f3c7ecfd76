package fr.veza.gear.web;

import fr.veza.gear.internal.GearItem;
import fr.veza.gear.internal.GearService;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.config.AcceptedCurrency;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** My gear: the inventory and its warranties. */
@RestController
@RequestMapping("/api/v1/gear")
@Validated
@Tag(name = "Gear")
@SecurityRequirement(name = "BearerAuth")
class GearController {

    private final GearService gear;

    GearController(GearService gear) {
        this.gear = gear;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Operation(summary = "Add an item to my gear")
    ResponseEntity<ItemView> add(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody Item body) {
        GearItem item = gear.add(me, body.fields());
        return ResponseEntity.created(URI.create("/api/v1/gear/" + item.id())).body(ItemView.of(item));
    }

    @GetMapping
    @Operation(summary = "My gear, newest first")
    CursorPage<ItemView> mine(
            @AuthenticationPrincipal CurrentUser me,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return gear.mine(me, Cursor.decode(cursor), limit).map(ItemView::of);
    }

    @GetMapping("/{id}")
    ItemView get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
        return ItemView.of(gear.get(me, id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an item's details; a new warranty end is warned about again")
    ItemView replace(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody Item body) {
        return ItemView.of(gear.replace(me, id, body.fields()));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
        gear.remove(me, id);
        return ResponseEntity.noContent().build();
    }

    record Price(
            @NotNull @PositiveOrZero Long amount,

            @NotNull @Pattern(regexp = "[A-Z]{3}") @AcceptedCurrency
            String currency) {}

    record Item(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String brand,
            @Size(max = 100) String model,
            @Size(max = 50) String category,
            @Size(max = 100) String serialNumber,
            LocalDate purchaseDate,
            @Valid Price purchasePrice,
            LocalDate warrantyEnd,
            @Size(max = 2000) String notes) {

        GearItem.Fields fields() {
            return new GearItem.Fields(
                    name.strip(),
                    brand,
                    model,
                    category,
                    serialNumber,
                    purchaseDate,
                    purchasePrice == null ? null : purchasePrice.amount(),
                    purchasePrice == null ? null : purchasePrice.currency(),
                    warrantyEnd,
                    notes);
        }
    }

    record ItemView(
            UUID id,
            String name,
            String brand,
            String model,
            String category,
            String serialNumber,
            LocalDate purchaseDate,
            Price purchasePrice,
            LocalDate warrantyEnd,
            String notes,
            Instant createdAt,
            Instant updatedAt) {

        static ItemView of(GearItem item) {
            GearItem.Fields f = item.fields();
            return new ItemView(
                    item.id(),
                    f.name(),
                    f.brand(),
                    f.model(),
                    f.category(),
                    f.serialNumber(),
                    f.purchaseDate(),
                    f.purchasePriceMinor() == null ? null : new Price(f.purchasePriceMinor(), f.currency()),
                    f.warrantyEnd(),
                    f.notes(),
                    item.createdAt(),
                    item.updatedAt());
        }
    }
}
