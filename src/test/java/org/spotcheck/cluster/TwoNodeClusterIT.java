package org.spotcheck.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Flags;
import org.spotcheck.support.SharedInfrastructure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two application nodes started from the built jar, as in docker/compose.yaml, sharing one
 * PostgreSQL and one Kafka. A few hundred cases are driven to their verdict; while the
 * nodes' job executors take the cases to COUNTERFEIT, one node is killed hard. The other
 * takes over the dead node's jobs once their locks expire: every case ends once, with no
 * duplicate command or event.
 */
class TwoNodeClusterIT {

    private static final int CASES = Integer.getInteger("cluster.cases", 200);
    private static final String ADMIN_PASSWORD = "cluster-admin-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<Process> nodes = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();
    private static JdbcClient db;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        try (Connection c = SharedInfrastructure.postgres().getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("create database cluster");
        }
        String url = "jdbc:postgresql://localhost:" + SharedInfrastructure.postgres().getPort() + "/cluster";
        DataSource dataSource = new DriverManagerDataSource(url, "postgres", "postgres");
        db = JdbcClient.create(dataSource);
        // one after the other: the first creates the schema
        for (int node = 1; node <= 2; node++) {
            int port = freePort();
            ports.add(port);
            nodes.add(start(node, port, url));
            awaitHealthy(port);
        }
        setUpAccounts();
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void killingANodeMidwayLosesNoCaseAndDoublesNothing() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(toVerification(ports.get(i % 2)));
        }
        // all verdicts at once: a burst of asynchronous takedown jobs for both job executors
        // all verdicts at once: a burst of asynchronous takedown jobs for both job executors
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Future<String> killer = pool.submit(() -> {
            awaitClosed(CASES / 4, Duration.ofSeconds(120));
            long closedWhenKilled = closed();
            long locked = db.sql("select count(*) from act_ru_job where lock_owner_ is not null").query(Long.class).single();
            nodes.get(0).destroyForcibly().waitFor(); // kill -9: no shutdown, its job locks stay behind
            return String.format("node 1 killed with %d of %d cases closed and %d jobs locked", closedWhenKilled, CASES, locked);
        });
        List<Future<Response>> verdicts = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            int n = i;
            verdicts.add(pool.submit(() -> verdict(cases.get(n), n)));
        }
        for (Future<Response> verdict : verdicts) {
            assertThat(verdict.get().status()).as(verdict.get().body()).isIn(202, 409);
        }
        System.out.println(killer.get());
        pool.shutdown();

        awaitClosed(CASES, Duration.ofSeconds(180));

        assertThat(db.sql("select count(*) from spot_case where outcome = 'COUNTERFEIT'").query(Long.class).single())
                .isEqualTo(CASES);
        assertThat(db.sql("select count(*) from platform_command where command = 'TAKE_DOWN_LISTING'")
                .query(Long.class).single()).isEqualTo(CASES);
        assertThat(db.sql("""
                select count(*) from outbox_event where type = 'spotcheck.platform.TAKE_DOWN_LISTING'""")
                .query(Long.class).single()).isEqualTo(CASES);
        assertThat(db.sql("""
                select count(*) from (select subject from outbox_event where type = 'spotcheck.case.closed'
                group by subject having count(*) > 1) doubled""").query(Long.class).single()).isZero();
        assertThat(db.sql("select count(*) from sanction").query(Long.class).single()).isEqualTo(CASES);
        assertThat(db.sql("select count(*) from act_ru_incident").query(Long.class).single()).isZero();
        assertThat(db.sql("select count(*) from act_ru_job where process_def_key_ = 'counterfeit-case'")
                .query(Long.class).single()).isZero();
    }

    /** The lab's verdict, through either node; once node 1 is dead, through node 2. */
    private static Response verdict(String caseNumber, int n) throws Exception {
        String body = "{\"verdict\": \"COUNTERFEIT\", \"reportReference\": \"LAB-" + n + "\"}";
        int port = ports.get(n % 2);
        if (nodes.get(n % 2).isAlive()) {
            try {
                return post(port, "/api/cases/" + caseNumber + "/verification", "lab-it", body);
            } catch (IOException nodeDied) {
                // node 1 was killed during the call: the verdict may or may not have landed
            }
        }
        Response retried = post(ports.get(1), "/api/cases/" + caseNumber + "/verification", "lab-it", body);
        // 202: accepted now or, identical, before; 409: accepted before and the case has moved on already
        return retried;
    }

    /** A flag, the purchase and the parcel: the case then waits for the lab's verdict. */
    private static String toVerification(int port) throws Exception {
        Response created = post(port, "/api/cases", "intake-it", Flags.decidedAs("TEST_BUY").toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String caseNumber = created.json().get("caseNumber").asText();
        complete(port, caseNumber, "buyer-it", "{\"listingUnavailable\": {\"value\": false, \"type\": \"Boolean\"},"
                + " \"orderNumber\": {\"value\": \"O-1\", \"type\": \"String\"},"
                + " \"amountPaidCny\": {\"value\": 90.0, \"type\": \"Double\"},"
                + " \"videoEvidenceUri\": {\"value\": \"s3://v\", \"type\": \"String\"},"
                + " \"videoSha256\": {\"value\": \"" + "a".repeat(64) + "\", \"type\": \"String\"}}");
        complete(port, caseNumber, "custodian-it", "{\"parcelReceived\": {\"value\": true, \"type\": \"Boolean\"},"
                + " \"sealNumber\": {\"value\": \"SEAL-" + caseNumber + "\", \"type\": \"String\"},"
                + " \"storageLocation\": {\"value\": \"rack 1\", \"type\": \"String\"},"
                + " \"photoSha256\": {\"value\": \"" + "b".repeat(64) + "\", \"type\": \"String\"}}");
        return caseNumber;
    }

    private static void complete(int port, String caseNumber, String user, String variables) throws Exception {
        JsonNode tasks = get(port, "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + caseNumber, user)
                .json();
        assertThat(tasks).as(user + " tasks of " + caseNumber).hasSize(1);
        Response done = post(port, "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete", user,
                "{\"variables\": " + variables + "}");
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    private static void setUpAccounts() throws Exception {
        int port = ports.get(0);
        Map<String, String> users = Map.of("intake-it", "integrations", "buyer-it", "test-buyers",
                "custodian-it", "evidence-custodians", "lab-it", "verifiers");
        for (Map.Entry<String, String> user : users.entrySet()) {
            Response created = post(port, "/engine-rest/user/create", "admin", "{\"profile\": {\"id\": \"" + user.getKey()
                    + "\", \"firstName\": \"it\", \"lastName\": \"it\", \"email\": \"it@spotcheck.invalid\"},"
                    + " \"credentials\": {\"password\": \"" + password(user.getKey()) + "\"}}");
            assertThat(created.status()).as(created.body()).isEqualTo(204);
            Response member = send(port, "PUT", "/engine-rest/group/" + user.getValue() + "/members/" + user.getKey(),
                    "admin", null);
            assertThat(member.status()).as(member.body()).isEqualTo(204);
        }
        assertThat(send(port, "PUT", "/api/verifiers/lab-it", "admin", "{\"kind\": \"LAB\", \"name\": \"IT lab\","
                + " \"covers\": [\"APPAREL\"]}").status()).isEqualTo(204);
        for (int i = 0; i < 3; i++) {
            assertThat(post(port, "/api/personas", "admin", "{\"handle\": \"it-" + i + "\", \"addressLabel\": \"L" + i + "\"}")
                    .status()).isEqualTo(201);
        }
    }

    private static Process start(int node, int port, String url) throws IOException {
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("spotcheck-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in target/: run mvn verify, which packages first"));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-jar", jar.toString(),
                "--server.port=" + port,
                // short job locks, so a dead node's jobs are taken over quickly in this test
                "--camunda.bpm.job-execution.lock-time-in-millis=5000",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--logging.level.root=warn");
        builder.environment().put("SPOTCHECK_DB_URL", url);
        builder.environment().put("SPOTCHECK_DB_USER", "postgres");
        builder.environment().put("SPOTCHECK_DB_PASSWORD", "postgres");
        builder.environment().put("SPOTCHECK_KAFKA_BOOTSTRAP_SERVERS", SharedInfrastructure.kafkaBrokers());
        builder.environment().put("SPOTCHECK_ADMIN_USER", "admin");
        builder.environment().put("SPOTCHECK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        File log = new File("target/cluster-node-" + node + ".log");
        builder.redirectErrorStream(true).redirectOutput(log);
        return builder.start();
    }

    private static void awaitHealthy(int port) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node on port " + port + " did not become healthy; see target/cluster-node-*.log");
    }

    private static long closed() {
        return db.sql("select count(*) from spot_case where closed_at is not null").query(Long.class).single();
    }

    private static void awaitClosed(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (closed() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + closed() + " of " + count + " cases closed in time");
            }
            Thread.sleep(250);
        }
    }

    private static String password(String user) {
        // prod mode: integration and verifier accounts need secrets of 32 characters or more
        return user.equals("admin") ? ADMIN_PASSWORD : user + "-secret-4f9c2e7a1b8d3f6e0c5a9b2d";
    }

    private static Response get(int port, String path, String user) throws Exception {
        return send(port, "GET", path, user, null);
    }

    private static Response post(int port, String path, String user, String body) throws Exception {
        return send(port, "POST", path, user, body);
    }

    private static Response send(int port, String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Response(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }
}
