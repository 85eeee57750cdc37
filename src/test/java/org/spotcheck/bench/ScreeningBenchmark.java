package org.spotcheck.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Market-entry screening with a million sellers on record: prints latency figures of
 * {@code POST /api/screenings} over HTTP, end to end. Run with
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=org.spotcheck.bench.ScreeningBenchmark}
 * (optional: {@code -Dsellers=1000000 -Drequests=5000}).
 */
public final class ScreeningBenchmark {

    private ScreeningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sellers = Integer.getInteger("sellers", 1_000_000);
        int requests = Integer.getInteger("requests", 5_000);
        try (BenchmarkApp bench = new BenchmarkApp()) {
            EmbeddedPostgres postgres = bench.postgres;
            ConfigurableApplicationContext app = bench.app;
            long loadStart = System.nanoTime();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                // a million sellers with four keys each; 1 in 500 is banned
                s.execute("insert into seller (platform, seller_id) select 'bench', 'B-' || g from generate_series(1, "
                        + sellers + ") g");
                s.execute("""
                        insert into seller_identity_key (seller_pk, key_type, key_hash, banned)
                        select s.id, t.type, t.type || '-' || s.seller_id, (s.id % 500 = 0)
                        from seller s cross join (values ('ID_DOCUMENT'), ('BANK_ACCOUNT'), ('PHONE'), ('DISPATCH_ADDRESS')) t(type)
                        where s.platform = 'bench'""");
                s.execute("analyze seller; analyze seller_identity_key");
            }
            System.out.printf("loaded %,d sellers and %,d identity keys in %.1f s%n", sellers, sellers * 4L,
                    (System.nanoTime() - loadStart) / 1e9);

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString("intake:intake".getBytes(StandardCharsets.UTF_8));
            Random random = new Random(42);
            for (int i = 0; i < 500; i++) { // warm-up
                screen(http, port, auth, random, sellers);
            }
            long[] micros = new long[requests];
            int[] decisions = new int[3];
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                long t = System.nanoTime();
                String body = screen(http, port, auth, random, sellers);
                micros[i] = (System.nanoTime() - t) / 1_000;
                decisions[body.contains("BLOCK") ? 2 : body.contains("REVIEW") ? 1 : 0]++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(micros);
            System.out.printf("%,d screenings (4 keys each, %d ALLOW / %d REVIEW / %d BLOCK) in %.1f s: %.0f/s%n",
                    requests, decisions[0], decisions[1], decisions[2], seconds, requests / seconds);
            System.out.printf("latency over HTTP: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    micros[requests / 2] / 1000.0, micros[requests * 9 / 10] / 1000.0,
                    micros[requests * 99 / 100] / 1000.0, micros[requests - 1] / 1000.0);
        }
    }

    private static String screen(HttpClient http, int port, String auth, Random random, int sellers) throws Exception {
        int seller = 1 + random.nextInt(sellers);
        String body = String.format("{\"idDocumentHash\": \"ID_DOCUMENT-B-%d\", \"bankAccountHash\": \"none-%d\","
                + " \"phoneHash\": \"PHONE-B-%d\", \"dispatchAddressHash\": \"DISPATCH_ADDRESS-B-%d\"}",
                seller, random.nextInt(), seller, seller);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/screenings"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("screening answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
