package fr.veza.catalog.web;

import fr.veza.catalog.internal.PlayStatistics;
import fr.veza.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The artist's own numbers, the same ones the studio's dashboard draws. */
@RestController
@Tag(name = "Catalog")
class StatisticsController {

    private final PlayStatistics statistics;

    StatisticsController(PlayStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/me/stats/plays")
    @Operation(
            summary = "Counted plays of my tracks per day (UTC) over the last days, today included, with the most"
                    + " played tracks of the period",
            security = @SecurityRequirement(name = "BearerAuth"))
    PlaysView plays(
            @AuthenticationPrincipal CurrentUser artist,
            @RequestParam(defaultValue = "30") @Min(1) @Max(PlayStatistics.MAX_DAYS) int days) {
        PlayStatistics.Plays plays = statistics.of(artist, days);
        return new PlaysView(plays.total(), plays.days(), plays.topTracks());
    }

    record PlaysView(long total, List<PlayStatistics.Day> days, List<PlayStatistics.TopTrack> topTracks) {}
}
