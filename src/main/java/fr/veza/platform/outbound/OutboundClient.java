package fr.veza.platform.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts to addresses people gave. The connection goes to an address {@link OutboundTargets} approved after this client's own
 * name resolution, so a name that resolves to a public address when checked and to a local one when used (DNS
 * rebinding) is refused; redirects are never followed, no proxy or cookie is used; a request that met a connection
 * closed under it is sent once more.
 */
public final class OutboundClient implements AutoCloseable {

    private final CloseableHttpClient http;

    public OutboundClient(OutboundTargets targets, Duration timeout, String userAgent) {
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
                                // push services and webhook receivers close idle connections: check before reuse
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .build())
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(limit).build())
                .disableRedirectHandling()
                .setRetryStrategy(new StaleConnectionRetry())
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent(userAgent)
                .build();
    }

    /** Sends the JSON body with the given headers and answers the status code; the response body is discarded. */
    public int post(URI target, Map<String, String> headers, String json) throws IOException {
        return post(target, headers, new StringEntity(json, ContentType.APPLICATION_JSON));
    }

    /** Sends the bytes as {@code contentType} with the given headers and answers the status code. */
    public int post(URI target, Map<String, String> headers, byte[] body, String contentType) throws IOException {
        return post(target, headers, new ByteArrayEntity(body, ContentType.parse(contentType)));
    }

    private int post(URI target, Map<String, String> headers, HttpEntity body) throws IOException {
        HttpPost post = new HttpPost(target);
        headers.forEach(post::setHeader);
        post.setEntity(body);
        return http.execute(post, response -> response.getCode());
    }

    /**
     * Tries once more when a kept-alive connection turns out closed by the other side before it answered (the
     * receiver timed it out in the instant it was reused): nothing was processed, and both pushes and webhooks are
     * delivered at least once anyway. A refused or unreachable address is not retried; the callers' own backoff
     * takes those.
     */
    private static final class StaleConnectionRetry implements HttpRequestRetryStrategy {

        @Override
        public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
            return execCount == 1
                    && (exception instanceof NoHttpResponseException
                            || (exception instanceof SocketException
                                    && !(exception instanceof ConnectException)
                                    && !(exception instanceof NoRouteToHostException)));
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ZERO_MILLISECONDS;
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
