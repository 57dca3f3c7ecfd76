package fr.veza.search.internal;

import fr.veza.platform.config.PositiveDuration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param engine {@code SEARCH_ENGINE}: postgres (default, nothing to set up) or opensearch
 * @param opensearchUrl {@code OPENSEARCH_URL}: the cluster, such as http://localhost:9200; user and password may be
 *     given in the URL
 * @param indexPrefix {@code SEARCH_INDEX_PREFIX}: indices are {prefix}-users, {prefix}-tracks, {prefix}-playlists
 * @param timeout {@code OPENSEARCH_TIMEOUT}: how long a call may take before search answers from PostgreSQL
 */
@Validated
@ConfigurationProperties("veza.search")
public record SearchSettings(
        @NotNull Engine engine,
        URI opensearchUrl,

        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,40}", message = "must be lower-case letters, digits, - or _")
        String indexPrefix,

        @NotNull @PositiveDuration Duration timeout) {

    /** Read by validation as the property {@code opensearch-url}, so the start-up error names OPENSEARCH_URL. */
    @AssertTrue(message = "must be set (an http(s) URL) when SEARCH_ENGINE=opensearch")
    public boolean isOpensearchUrl() {
        return engine != Engine.OPENSEARCH
                || (opensearchUrl != null
                        && opensearchUrl.getHost() != null
                        && ("http".equals(opensearchUrl.getScheme()) || "https".equals(opensearchUrl.getScheme())));
    }

    public enum Engine {
        POSTGRES,
        OPENSEARCH
    }

    public String index(SearchType type) {
        return indexPrefix + "-" + type.value();
    }
}
