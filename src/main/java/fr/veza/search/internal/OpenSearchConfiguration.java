package fr.veza.search.internal;

import java.io.IOException;
import java.net.URI;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenSearch client, only when {@code SEARCH_ENGINE=opensearch}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "veza.search.engine", havingValue = "opensearch")
class OpenSearchConfiguration {

    @Bean(destroyMethod = "close")
    OpenSearchTransport openSearchTransport(SearchSettings settings) {
        URI url = settings.opensearchUrl();
        HttpHost host = new HttpHost(url.getScheme(), url.getHost(), url.getPort());
        Timeout timeout = Timeout.of(settings.timeout());
        return ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper())
                .setRequestConfigCallback(
                        config -> config.setConnectionRequestTimeout(timeout).setResponseTimeout(timeout))
                .setHttpClientConfigCallback(client -> {
                    if (url.getUserInfo() != null) {
                        String[] credentials = url.getUserInfo().split(":", 2);
                        BasicCredentialsProvider provider = new BasicCredentialsProvider();
                        provider.setCredentials(
                                new AuthScope(host),
                                new UsernamePasswordCredentials(
                                        credentials[0], (credentials.length > 1 ? credentials[1] : "").toCharArray()));
                        client.setDefaultCredentialsProvider(provider);
                    }
                    return client;
                })
                .build();
    }

    @Bean
    OpenSearchClient openSearchClient(OpenSearchTransport transport) {
        return new OpenSearchClient(transport);
    }

    /**
     * The {@code search} component of {@code /health}: down when OpenSearch does not answer within
     * {@code OPENSEARCH_TIMEOUT} or its cluster is red. Search still answers from PostgreSQL then, so readiness
     * does not include it.
     */
    @Bean
    HealthIndicator searchHealthIndicator(OpenSearchClient client) {
        return () -> {
            try {
                HealthStatus status = client.cluster().health().status();
                return status == HealthStatus.Red
                        ? Health.down().withDetail("cluster", "red").build()
                        : Health.up().build();
            } catch (IOException | RuntimeException e) {
                return Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }
}
