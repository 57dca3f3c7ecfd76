package fr.veza.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Public product lists show only products whose track the caller may see, so they name no hidden track. */
class ProductListingIntegrationTests extends IntegrationTest {

    @Test
    void aSellersPublicListHidesProductsOnUnlistedAndPrivateTracks() {
        TestUser seller = register("artist");
        UUID listed = readyTrack(seller, "Listed", "public");
        UUID unlisted = readyTrack(seller, "Unlisted", "unlisted");
        UUID hidden = readyTrack(seller, "Hidden", "public");
        for (UUID track : List.of(listed, unlisted, hidden)) {
            ApiResponse created = offerDownload(seller, track, 500, "EUR");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        assertThat(api().bearer(seller.accessToken())
                        .patch("/api/v1/tracks/" + hidden, Map.of("visibility", "private"))
                        .status())
                .isEqualTo(200);

        String bySeller = "/api/v1/marketplace/products?seller_id=" + seller.id();
        ApiResponse everyone = api().get(bySeller);
        ApiResponse own = api().bearer(seller.accessToken()).get(bySeller);

        assertThat(trackIds(everyone)).containsExactly(listed.toString());
        assertThat(everyone.text()).doesNotContain("Unlisted").doesNotContain("Hidden");
        assertThat(trackIds(api().get("/api/v1/marketplace/products?track_id=" + unlisted)))
                .containsExactly(unlisted.toString());
        assertThat(trackIds(api().get("/api/v1/marketplace/products?track_id=" + hidden)))
                .isEmpty();
        assertThat(trackIds(own)).containsExactlyInAnyOrder(listed.toString(), unlisted.toString(), hidden.toString());
    }

    private static List<String> trackIds(ApiResponse page) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.json().get("items")) {
            ids.add(item.get("track_id").asText());
        }
        return ids;
    }
}
