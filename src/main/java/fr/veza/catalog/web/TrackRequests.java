package fr.veza.catalog.web;

import fr.veza.catalog.internal.TrackUploadService.TrackMetadata;
import fr.veza.catalog.internal.Visibility;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.FieldViolation;
import fr.veza.platform.errors.VezaException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openapitools.jackson.nullable.JsonNullable;

final class TrackRequests {

    static final int MAX_TAGS = 10;

    private TrackRequests() {}

    /** The metadata of an upload, checked the same way as a JSON body would be. */
    static TrackMetadata metadata(
            String title, String description, String genre, List<String> tags, String visibility) {
        List<FieldViolation> violations = new ArrayList<>();
        String cleanTitle = title == null ? null : title.strip();
        if (cleanTitle == null || cleanTitle.isEmpty()) {
            violations.add(new FieldViolation("title", "is required"));
        } else if (cleanTitle.length() > 200) {
            violations.add(new FieldViolation("title", "must be at most 200 characters"));
        }
        if (description != null && description.length() > 5000) {
            violations.add(new FieldViolation("description", "must be at most 5000 characters"));
        }
        if (genre != null && genre.strip().length() > 50) {
            violations.add(new FieldViolation("genre", "must be at most 50 characters"));
        }
        List<String> cleanTags = tags(tags, violations);
        Visibility parsed = Visibility.PUBLIC;
        if (visibility != null && !visibility.isBlank()) {
            try {
                parsed = Visibility.of(visibility.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("visibility", e.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw new VezaException(
                    ErrorCode.VALIDATION_FAILED,
                    violations.stream()
                            .map(v -> v.field() + " " + v.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""),
                    violations,
                    Map.of());
        }
        return new TrackMetadata(cleanTitle, blankToNull(description), blankToNull(genre), cleanTags, parsed);
    }

    static List<String> tags(List<String> tags, List<FieldViolation> violations) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            for (String part : tag.split(",")) {
                String normalised = part.strip().toLowerCase(Locale.ROOT);
                if (normalised.isEmpty()) {
                    continue;
                }
                if (normalised.length() > 30) {
                    violations.add(new FieldViolation("tags", "each tag must be at most 30 characters"));
                    return List.of();
                }
                clean.add(normalised);
            }
        }
        if (clean.size() > MAX_TAGS) {
            violations.add(new FieldViolation("tags", "at most " + MAX_TAGS + " tags"));
        }
        return List.copyOf(clean);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A partial update: absent fields stay, {@code null} clears description and genre. */
    record Patch(
            JsonNullable<@NotNull @Size(min = 1, max = 200) String> title,
            JsonNullable<@Size(max = 5000) String> description,
            JsonNullable<@Size(max = 50) String> genre,
            JsonNullable<@Size(max = MAX_TAGS) List<@NotNull @Size(max = 30) String>> tags,
            JsonNullable<@NotNull Visibility> visibility) {

        TrackMetadata applyTo(TrackMetadata current) {
            List<FieldViolation> violations = new ArrayList<>();
            List<String> newTags = tags.isPresent() ? TrackRequests.tags(tags.get(), violations) : current.tags();
            if (!violations.isEmpty()) {
                throw VezaException.invalid("tags", violations.get(0).message());
            }
            return new TrackMetadata(
                    title.isPresent() ? title.get().strip() : current.title(),
                    description.isPresent() ? blankToNull(description.get()) : current.description(),
                    genre.isPresent() ? blankToNull(genre.get()) : current.genre(),
                    newTags,
                    visibility.isPresent() ? visibility.get() : current.visibility());
        }
    }

    record Play(@NotNull @Min(0) @Max(86_400) Integer secondsPlayed) {}
}
