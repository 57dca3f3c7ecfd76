package fr.veza.developer.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts one delivery. The connection goes to an address {@link WebhookTargets} approved after this client's own
 * name resolution, so a name that resolves to a public address when checked and to a local one when used (DNS
 * rebinding) is refused; redirects are never followed, no proxy or cookie is used.
 */
final class WebhookSender implements AutoCloseable {

    private final CloseableHttpClient http;

    WebhookSender(WebhookTargets targets, Duration timeout) {
        Timeout limit = Timeout.of(timeout);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new SystemDefaultDnsResolver() {
                            @Override
                            public java.net.InetAddress[] resolve(String host) throws java.net.UnknownHostException {
                                return targets.requirePublic(host, super.resolve(host));
                            }
                        })
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .build())
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(limit).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Veza-Webhooks/1")
                .build();
    }

    /** Sends the JSON body with the given headers and answers the status code; the response body is discarded. */
    int post(URI target, Map<String, String> headers, String json) throws IOException {
        HttpPost post = new HttpPost(target);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return http.execute(post, response -> response.getCode());
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
