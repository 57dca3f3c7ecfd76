package fr.veza.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One real OpenSearch node for the test JVM, started on first use (about ten seconds) and stopped when the JVM
 * exits. Tests that search through OpenSearch point OPENSEARCH_URL at {@link #url()}.
 */
public final class TestOpenSearch {

    private static OpenSearchRunner runner;
    private static int httpPort;

    private TestOpenSearch() {}

    public static synchronized String url() {
        if (runner == null) {
            httpPort = FreePorts.next();
            int transportPort = FreePorts.next();
            Path home =
                    Path.of("target", "opensearch-" + ProcessHandle.current().pid());
            // Lettuce may have set Netty's processor count first in this JVM; OpenSearch must not set it again
            System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
            System.setProperty("es.set.netty.runtime.available.processors", "false");
            runner = new OpenSearchRunner();
            runner.onBuild((index, settings) -> {
                        settings.put("http.port", String.valueOf(httpPort));
                        settings.put("transport.port", String.valueOf(transportPort));
                        settings.put("discovery.type", "single-node");
                        settings.put("network.host", "127.0.0.1");
                        // a test machine's disk may be nearly full; the node must still accept writes
                        settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
                    })
                    .build(OpenSearchRunner.newConfigs()
                            .numOfNode(1)
                            .basePath(home.toAbsolutePath().toString())
                            .disableESLogger());
            runner.ensureYellow();
            Runtime.getRuntime().addShutdownHook(new Thread(TestOpenSearch::close));
        }
        return "http://127.0.0.1:" + httpPort;
    }

    public static int port() {
        url();
        return httpPort;
    }

    private static void close() {
        try {
            runner.close();
            runner.clean();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
