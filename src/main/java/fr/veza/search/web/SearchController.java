package fr.veza.search.web;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import fr.veza.search.internal.SearchQuery;
import fr.veza.search.internal.SearchReindexer;
import fr.veza.search.internal.SearchService;
import fr.veza.search.internal.SearchType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search")
class SearchController {

    /** Deeper than this, refine the query: no engine ranks the ten-thousandth result usefully. */
    static final int MAX_OFFSET = 1_000;

    private final SearchService search;
    private final SearchReindexer reindexer;

    SearchController(SearchService search, SearchReindexer reindexer) {
        this.search = search;
        this.reindexer = reindexer;
    }

    @GetMapping("/api/v1/search")
    @Operation(summary = "Find tracks, users or playlists, best first, with prefixes and typos tolerated")
    ResponseEntity<Map<String, Object>> search(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "tracks") String type,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit,
            @AuthenticationPrincipal CurrentUser viewer) {
        if (q == null || q.length() > 200) {
            throw VezaException.invalid("q", "is required, at most 200 characters");
        }
        SearchType searchType;
        try {
            searchType = SearchType.of(type);
        } catch (IllegalArgumentException e) {
            throw VezaException.invalid("type", e.getMessage());
        }
        int offset = offset(cursor);
        SearchQuery query = new SearchQuery(q, searchType, viewer == null ? null : viewer.id(), offset, limit);
        if (query.words().isEmpty()) {
            throw VezaException.invalid("q", "must contain a letter or a digit");
        }
        SearchService.Results results = search.search(query, viewer);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", searchType.value());
        body.put("items", results.items());
        int next = offset + limit;
        body.put("next_cursor", results.more() && next <= MAX_OFFSET ? encode(next) : null);
        return ResponseEntity.ok().header("X-Search-Engine", results.engine()).body(body);
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/api/v1/admin/search/reindex")
    @Operation(
            summary = "Start rebuilding the OpenSearch indices from the database (admin); answers 202",
            security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<SearchReindexer.Run> reindex() {
        if (!reindexer.available()) {
            throw new VezaException(
                    ErrorCode.CONFLICT,
                    "Search runs on PostgreSQL (SEARCH_ENGINE=postgres): there is no index to rebuild.");
        }
        if (!reindexer.start()) {
            throw new VezaException(ErrorCode.CONFLICT, "A rebuild is already running.");
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/search/reindex"))
                .body(reindexer.lastRun().orElseThrow());
    }

    @GetMapping("/api/v1/admin/search/reindex")
    @Operation(
            summary = "The last rebuild on this instance: running, done (with counts) or failed (admin)",
            security = @SecurityRequirement(name = "BearerAuth"))
    SearchReindexer.Run lastReindex() {
        return reindexer.lastRun().orElseThrow(() -> VezaException.notFound("A rebuild"));
    }

    private static String encode(int offset) {
        return Cursor.pack("o" + offset);
    }

    private static int offset(String cursor) {
        Integer offset = Cursor.unpack(cursor, parts -> {
            int value = Integer.parseInt(parts[0].substring(1));
            if (!parts[0].startsWith("o") || value < 0 || value > MAX_OFFSET) {
                throw new IllegalArgumentException(parts[0]);
            }
            return value;
        });
        return offset == null ? 0 : offset;
    }
}
