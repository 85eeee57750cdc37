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

    @org.springframework.beans.factory.annotation.Autowired
    private IntakeService intake;
    @org.springframework.beans.factory.annotation.Autowired
    private org.spotcheck.cases.CaseRepository cases;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.transaction.PlatformTransactionManager transactions;
    @org.springframework.beans.factory.annotation.Autowired
    private FlagMapper mapper;
    @org.springframework.beans.factory.annotation.Autowired
    private com.fasterxml.jackson.databind.ObjectMapper json;

    /** Runs work in a transaction of its own on another thread, and keeps it open until {@code commit} opens. */
    private <T> Future<T> inTransaction(ExecutorService pool, CountDownLatch done, CountDownLatch commit,
                                        Callable<T> work) {
        return pool.submit(() -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                .execute(status -> {
                    try {
                        T result = work.call();
                        done.countDown();
                        commit.await();
                        return result;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    private org.spotcheck.intake.domain.NewFlag sameListingAs(ObjectNode opener) throws Exception {
        ObjectNode flag = Flags.highRisk();
        Flags.listing(flag).setAll(Flags.listing(opener));
        return mapper.toNewFlag(json.readValue(flag.toString(), FlagRequest.class));
    }

    @Test
    void aFlagArrivingWhileItsCaseClosesJoinsItBeforeTheCloseOrOpensANewCase() throws Exception {
        ObjectNode opener = Flags.highRisk();
        String caseNumber = api().post("/api/cases", "intake", opener.toString()).json().get("caseNumber").asText();
        long casePk = cases.require(caseNumber).pk();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // a batch that merged a flag into the open case holds it: the close waits for its commit
            CountDownLatch merged = new CountDownLatch(1);
            CountDownLatch commitMerge = new CountDownLatch(1);
            Future<FlagAnswer> merge = inTransaction(pool, merged, commitMerge,
                    () -> intake.receive(sameListingAs(opener), "test"));
            merged.await();
            Future<Boolean> close = inTransaction(pool, new CountDownLatch(1), new CountDownLatch(0),
                    () -> cases.close(casePk, org.spotcheck.cases.Outcome.DISMISSED));
            Thread.sleep(500);
            assertThat(close.isDone()).as("the close waits for the merging batch").isFalse();
            commitMerge.countDown();
            assertThat(merge.get().mergedInto()).isEqualTo(caseNumber);
            assertThat(close.get()).isTrue();

            // a closing case holds it: a flag waits, then sees it closed and opens a case of its own
            ObjectNode reopener = Flags.highRisk();
            Flags.listing(reopener).setAll(Flags.listing(opener));
            String second = api().post("/api/cases", "intake", reopener.toString()).json().get("caseNumber").asText();
            CountDownLatch closed = new CountDownLatch(1);
            CountDownLatch commitClose = new CountDownLatch(1);
            Future<Boolean> closing = inTransaction(pool, closed, commitClose,
                    () -> cases.close(cases.require(second).pk(), org.spotcheck.cases.Outcome.DISMISSED));
            closed.await();
            Future<FlagAnswer> late = inTransaction(pool, new CountDownLatch(1), new CountDownLatch(0),
                    () -> intake.receive(sameListingAs(opener), "test"));
            Thread.sleep(500);
            assertThat(late.isDone()).as("the flag waits for the closing transaction").isFalse();
            commitClose.countDown();
            assertThat(closing.get()).isTrue();
            assertThat(late.get().mergedInto()).isNull();
            assertThat(late.get().caseNumber()).isNotIn(caseNumber, second);
        } finally {
            pool.shutdownNow();
            // the cases were closed behind their processes' backs: end those too
            jdbc.sql("select process_instance_id from spot_case where listing_id = :l and process_instance_id is not null")
                    .param("l", Flags.listing(opener).get("listingId").asText()).query(String.class).list()
                    .forEach(id -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).list()
                            .forEach(pi -> engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test")));
        }
    }
}
