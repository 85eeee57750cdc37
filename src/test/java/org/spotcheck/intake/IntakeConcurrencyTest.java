package org.spotcheck.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.Flags;
import org.spotcheck.support.IntegrationTest;

/** Simultaneous requests agree through database constraints, as they must across nodes. */
class IntakeConcurrencyTest extends IntegrationTest {

    private static final int REQUESTS = 20;

    private List<Api.Response> simultaneously(List<String> bodies) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (String body : bodies) {
                Callable<Api.Response> call = () -> {
                    start.await();
                    return api().post("/api/cases", "intake", body);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyIdenticalFlagsAtOnceMakeExactlyOneCase() throws Exception {
        ObjectNode flag = Flags.highRisk();
        String listingId = Flags.listing(flag).get("listingId").asText();

        List<Api.Response> responses = simultaneously(java.util.Collections.nCopies(REQUESTS, flag.toString()));

        assertThat(responses).extracting(Api.Response::status).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).extracting(r -> r.json().get("caseNumber").asText()).containsOnly(
                responses.get(0).json().get("caseNumber").asText());
        assertThat(jdbc.sql("select count(*) from spot_case where listing_id = :l").param("l", listingId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from flag where flag_id = :f").param("f", flag.get("flagId").asText())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(responses.get(0).json().get("caseNumber").asText()).count()).isEqualTo(1);
    }

    @Test
    void twentyDifferentFlagsForOneListingAtOnceMakeOneCaseWithTwentyFlags() throws Exception {
        ObjectNode first = Flags.highRisk();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            ObjectNode flag = Flags.highRisk();
            Flags.listing(flag).setAll(Flags.listing(first));
            bodies.add(flag.toString());
        }

        List<Api.Response> responses = simultaneously(bodies);

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(REQUESTS - 1)
                .allSatisfy(r -> assertThat(r.json().has("mergedInto")).isTrue());
        String caseNumber = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow()
                .json().get("caseNumber").asText();
        assertThat(api().get("/api/cases/" + caseNumber, "analyst").json().get("flags")).hasSize(REQUESTS);
        assertThat(jdbc.sql("select count(*) from spot_case where listing_id = :l")
                .param("l", Flags.listing(first).get("listingId").asText()).query(Long.class).single()).isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);
    }
}
