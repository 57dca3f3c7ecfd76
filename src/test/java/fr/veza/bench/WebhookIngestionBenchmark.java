package fr.veza.bench;

import fr.veza.marketplace.providers.HyperswitchSignature;
import fr.veza.support.MarketplaceTest;
import fr.veza.support.TestProviders;
import fr.veza.support.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hyperswitch webhook ingestion: signed {@code payment_succeeded} deliveries over HTTP, each verified, logged and
 * processed (the order completed, the purchase granted, the payout created, the sale event written), against
 * bare single-row inserts of the same log rows over JDBC, with the same number of concurrent clients, in the same
 * run. Run with {@code ./mvnw -Pbenchmarks verify}; results in {@code target/benchmarks/webhooks.md}.
 */
class WebhookIngestionBenchmark extends MarketplaceTest {

    private static final int DELIVERIES = 3_000;
    private static final int CLIENTS = 8;
    private static final byte[] KEY = TestProviders.RESPONSE_HASH_KEY.getBytes(StandardCharsets.UTF_8);

    @Autowired
    DataSource dataSource;

    @Test
    void measure() throws Exception {
        TestUser seller = register("artist");
        UUID track = readyTrack(seller, "Benchmark", "public");
        TestUser buyer = register();
        warmUp(seller.id(), track, buyer.id());

        List<Double> veza = new ArrayList<>();
        List<Double> replays = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            List<byte[]> bodies = pendingOrders("r" + run, seller.id(), track, buyer.id(), DELIVERIES);
            bare.add(bareInserts(bodies));
            veza.add(deliver(bodies));
            replays.add(deliver(bodies)); // the same event ids again: verified, logged, recognised, skipped
        }
        double bareRate = median(bare);
        String report = String.format(
                "| webhook ingestion, %d clients (median of 3 runs of %d) | Veza (deliveries/s) | bare log inserts"
                        + " (rows/s) | ratio |%n|---|---|---|---|%n"
                        + "| payment_succeeded: verify, log, complete the order, grant, create the payout, outbox |"
                        + " %.0f | %.0f | %.2fx |%n"
                        + "| replayed delivery: verify, log, recognise the event id, skip | %.0f | %.0f | %.2fx |%n",
                CLIENTS,
                DELIVERIES,
                median(veza),
                bareRate,
                median(veza) / bareRate,
                median(replays),
                bareRate,
                median(replays) / bareRate);
        System.out.println("\n" + report);
        Files.createDirectories(Path.of("target", "benchmarks"));
        Files.writeString(Path.of("target", "benchmarks", "webhooks.md"), report);
        Long completed = jdbc.sql("SELECT count(*) FROM orders WHERE buyer_id = :b AND status = 'completed'")
                .param("b", buyer.id())
                .query(Long.class)
                .single();
        if (completed < 3L * DELIVERIES) {
            throw new AssertionError("only " + completed + " orders completed: deliveries were not processed");
        }
    }

    private void warmUp(UUID seller, UUID track, UUID buyer) throws Exception {
        List<byte[]> bodies = pendingOrders("warm", seller, track, buyer, 500);
        bareInserts(bodies);
        deliver(bodies);
    }

    /** Pending orders of one 10.00 EUR line each, and the signed webhook that completes each. */
    private List<byte[]> pendingOrders(String run, UUID seller, UUID track, UUID buyer, int count) {
        UUID product = UUID.randomUUID();
        jdbc.sql("INSERT INTO products (id, seller_id, track_id, kind, price_minor, currency, status)"
                        + " VALUES (:id, :seller, :track, 'download', 1000, 'EUR', 'unpublished')")
                .param("id", product)
                .param("seller", seller)
                .param("track", track)
                .update();
        String prefix = "pay_bench_" + run + "_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        jdbc.sql("INSERT INTO orders (id, buyer_id, idempotency_key, request_hash, total_minor, currency, payment_id)"
                        + " SELECT gen_random_uuid(), :buyer, :prefix || g, 'h', 1000, 'EUR', :prefix || g"
                        + " FROM generate_series(1, :count) g")
                .param("buyer", buyer)
                .param("prefix", prefix)
                .param("count", count)
                .update();
        jdbc.sql("INSERT INTO order_lines (id, order_id, product_id, seller_id, track_id, kind, price_minor,"
                        + " platform_fee_minor, currency, position) SELECT gen_random_uuid(), o.id, :product, :seller,"
                        + " :track, 'download', 1000, 100, 'EUR', 0 FROM orders o WHERE o.payment_id LIKE :like")
                .param("product", product)
                .param("seller", seller)
                .param("track", track)
                .param("like", prefix + "%")
                .update();
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            bodies.add(("{\"event_id\": \"evt_" + UUID.randomUUID() + "\", \"event_type\": \"payment_succeeded\","
                            + " \"content\": {\"type\": \"payment_details\", \"object\": {\"payment_id\": \"" + prefix
                            + i
                            + "\", \"status\": \"succeeded\", \"amount\": 1000, \"currency\": \"EUR\"}}}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /** Deliveries per second through the endpoint. */
    private double deliver(List<byte[]> bodies) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://localhost:" + port + "/api/v1/webhooks/hyperswitch");
        return concurrently(bodies, body -> {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .header(HyperswitchSignature.HEADER, HyperswitchSignature.sign(KEY, body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                throw new AssertionError("delivery answered " + answer.statusCode());
            }
        });
    }

    /** The same log rows, inserted one per statement with autocommit: the floor of any ingestion. */
    private double bareInserts(List<byte[]> bodies) throws Exception {
        return concurrently(bodies, body -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO hyperswitch_webhook_log"
                            + " (payload, signature_valid, processing_result, request_id, event_type)"
                            + " VALUES (?, TRUE, 'ok', ?, 'payment_succeeded')")) {
                insert.setString(1, new String(body, StandardCharsets.UTF_8));
                insert.setString(2, UUID.randomUUID().toString());
                insert.executeUpdate();
            }
        });
    }

    private static double concurrently(List<byte[]> bodies, Work work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    work.run(bodies.get(i));
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return bodies.size() / seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @FunctionalInterface
    interface Work {
        void run(byte[] body) throws Exception;
    }
}
