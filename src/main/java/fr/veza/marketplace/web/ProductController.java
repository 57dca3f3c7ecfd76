package fr.veza.marketplace.web;

import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.internal.Product;
import fr.veza.marketplace.internal.ProductService;
import fr.veza.marketplace.web.MarketplaceViews.Price;
import fr.veza.marketplace.web.MarketplaceViews.ProductView;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/marketplace/products")
@Tag(name = "Marketplace")
class ProductController {

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Operation(
            summary = "Offer one of my ready tracks as a download or a licence",
            security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<ProductView> create(
            @AuthenticationPrincipal CurrentUser seller, @Valid @RequestBody NewProduct body) {
        Product product = products.create(
                seller,
                body.trackId(),
                body.kind(),
                body.licenceTerms(),
                body.price().money());
        return ResponseEntity.created(URI.create("/api/v1/marketplace/products/" + product.id()))
                .body(ProductView.of(product));
    }

    @GetMapping
    @Operation(summary = "Products for sale, newest first; narrowed to a seller or a track")
    CursorPage<ProductView> list(
            @RequestParam(name = "seller_id", required = false) UUID sellerId,
            @RequestParam(name = "track_id", required = false) UUID trackId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @AuthenticationPrincipal CurrentUser viewer) {
        return products.list(sellerId, trackId, viewer, Cursor.decode(cursor), limit)
                .map(ProductView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A product for sale (its seller also sees it unpublished)")
    ProductView get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        return ProductView.of(products.get(id, viewer));
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change the price or licence terms (its seller)",
            security = @SecurityRequirement(name = "BearerAuth"))
    ProductView update(
            @PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ProductPatch body) {
        return ProductView.of(products.update(
                user, id, body.price() == null ? null : body.price().money(), body.licenceTerms(), null));
    }

    @PostMapping("/{id}/unpublish")
    @Operation(
            summary = "Stop selling (past buyers keep what they bought)",
            security = @SecurityRequirement(name = "BearerAuth"))
    ProductView unpublish(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return ProductView.of(products.update(user, id, null, null, false));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Sell again", security = @SecurityRequirement(name = "BearerAuth"))
    ProductView publish(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return ProductView.of(products.update(user, id, null, null, true));
    }

    record NewProduct(
            @NotNull UUID trackId,

            @NotNull @Pattern(regexp = "download|licence", message = "must be download or licence")
            String kind,

            @Size(max = 10_000) String licenceTerms,
            @NotNull @Valid Price price) {}

    record ProductPatch(
            @Valid Price price, @Size(max = 10_000) String licenceTerms) {}
}
