package fr.veza.library.web;

import fr.veza.library.internal.PlaylistService.Details;
import fr.veza.library.internal.PlaylistVisibility;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.openapitools.jackson.nullable.JsonNullable;

final class PlaylistRequests {

    private PlaylistRequests() {}

    record Create(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 5000) String description,
            PlaylistVisibility visibility) {

        Details details() {
            return new Details(
                    title.strip(),
                    description == null || description.isBlank() ? null : description.strip(),
                    visibility == null ? PlaylistVisibility.PUBLIC : visibility);
        }
    }

    /** Absent fields stay as they are; {@code "description": null} clears the description. */
    record Patch(
            JsonNullable<@NotBlank @Size(max = 200) String> title,
            JsonNullable<@Size(max = 5000) String> description,
            JsonNullable<@NotNull PlaylistVisibility> visibility) {

        Details applyTo(Details current) {
            return new Details(
                    title != null && title.isPresent() ? title.get().strip() : current.title(),
                    description != null && description.isPresent()
                            ? (description.get() == null || description.get().isBlank()
                                    ? null
                                    : description.get().strip())
                            : current.description(),
                    visibility != null && visibility.isPresent() ? visibility.get() : current.visibility());
        }
    }

    record AddTrack(@NotNull UUID trackId, @Min(0) Integer position) {}

    record Reorder(@NotNull @Size(max = 1_000) List<@NotNull UUID> trackIds) {}
}
