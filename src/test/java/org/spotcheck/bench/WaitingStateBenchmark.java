package org.spotcheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.spotcheck.cases.CounterfeitCaseProcess;
import org.spotcheck.evidence.EvidenceRetentionProcess;
import org.spotcheck.support.Flags;
import org.spotcheck.support.Tasks;

/**
 * One node with a million process instances waiting, as a few years of work leave them:
 * evidence-retention timers, cases awaiting their verdict, and open tasks of the test
 * buyers and the evidence custodians. Prints the latency of a verdict (its message
 * correlated by business key, through {@code POST /api/cases/{n}/verification}) and of a
 * group's Tasklist query (engine-rest {@code POST /task} by candidate group, newest first,
 * first 15, with HTTP Basic), and which statements took the database's time. Run with
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=org.spotcheck.bench.WaitingStateBenchmark -Dinstances=1000000}
 * (default 1,000,000; {@code -Dsamples=} per measured call, default 500).
 *
 * <p>The instances are not run one by one through the engine (a millisecond and more each,
 * on two cores: hours): a few template instances take the real path (flags in over REST,
 * tasks completed over engine-rest, a verdict), then every row the engine wrote for each
 * is copied with COPY under new ids from the engine's own id generator (EngineRows), with
 * the application's rows of the cases a verdict is measured on (CaseRows).
 */
public final class WaitingStateBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DAY = 86_400_000L;

    /**
     * What waits, as shares of all instances, and how far back the copies' times go: each
     * stays short of its first timer, so no copied timer comes due during the run.
     * Retention dominates: every item of every counterfeit case is kept three years or more.
     */
    enum Kind {
        RETENTION(70, 3 * 365 * DAY - 2 * DAY),
        VERDICT(20, 13 * DAY),
        PURCHASE(6, DAY - 3_600_000L), // due in 24 h (priority 1): its overdue timer
        PARCEL(4, 14 * DAY);

        final int percent;
        final long maxAgeMillis;

        Kind(int percent, long maxAgeMillis) {
            this.percent = percent;
            this.maxAgeMillis = maxAgeMillis;
        }

        /** The kind of the {@code i}-th instance: the kinds interleaved, each at its share. */
        static Kind of(long i) {
            long slot = i % 100;
            for (Kind kind : values()) {
                if (slot < kind.percent) {
                    return kind;
                }
                slot -= kind.percent;
            }
            throw new IllegalStateException();
        }

        long count(long total) {
            long whole = total / 100 * percent;
            long rest = total % 100;
            long before = 0;
            for (Kind k : values()) {
                if (k == this) {
                    break;
                }
                before += k.percent;
            }
            return whole + Math.max(0, Math.min(percent, rest - before));
        }
    }

    private WaitingStateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int instances = Integer.getInteger("instances", 1_000_000);
        int samples = Integer.getInteger("samples", 500);
        // a node as in production: job executor, outbox relay and budget release on their schedules
        try (BenchmarkApp bench = new BenchmarkApp(Map.of("shared_preload_libraries", "pg_stat_statements"),
                "--camunda.bpm.job-execution.enabled=true", "--spotcheck.outbox.poll-millis=500",
                "--spotcheck.budget.release-interval-millis=30000")) {
            Http http = new Http(Integer.parseInt(bench.app.getEnvironment().getProperty("local.server.port")));
            ProcessEngine engine = bench.app.getBean(ProcessEngine.class);
            Templates templates = Templates.make(http, engine);
            List<String[]> verdictCases;
            try (Connection c = bench.postgres.getPostgresDatabase().getConnection()) {
                verdictCases = seed(bench, engine, templates, instances);
                long start = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    // what autovacuum would do after such a load, done before measuring rather than during it
                    s.execute("vacuum analyze");
                    s.execute("checkpoint");
                    s.execute("create extension if not exists pg_stat_statements");
                }
                System.out.printf("vacuum analyze and checkpoint: %.0f s%n", (System.nanoTime() - start) / 1e9);
            }
            measure(bench, http, engine, verdictCases, samples, instances);
        }
    }

    /** Template instances, each taken by the real path to the state it waits in. */
    record Templates(Map<Kind, List<String>> instances, Map<String, String> caseOfInstance,
                     Map<String, String> verifierOfInstance) {

        static Templates make(Http http, ProcessEngine engine) throws Exception {
            String purchase = http.newCase(Flags.decidedAs("TEST_BUY"));
            waitFor("the purchase task", () -> task(engine, purchase, CounterfeitCaseProcess.Elements.PERFORM_TEST_PURCHASE));
            String parcel = http.newCase(Flags.decidedAs("TEST_BUY"));
            http.purchase(engine, parcel);
            // a rights holder's case (APPAREL of the enrolled brand Acme) and a lab's (COSMETICS always go to a lab)
            String rightsHolder = http.atVerification(engine, Flags.decidedAs("TEST_BUY"));
            ObjectNode cosmetics = Flags.decidedAs("TEST_BUY");
            Flags.listing(cosmetics).put("category", "COSMETICS");
            String lab = http.atVerification(engine, cosmetics);
            String counterfeit = http.atVerification(engine, Flags.decidedAs("TEST_BUY"));
            http.verdict(counterfeit, "rh-acme");
            waitFor("the retention of the counterfeit's three items", () -> engine.getRuntimeService()
                    .createProcessInstanceQuery().processDefinitionKey(EvidenceRetentionProcess.KEY)
                    .variableValueEquals(EvidenceRetentionProcess.Vars.CASE_NUMBER.getName(), counterfeit).count() == 3);
            Map<String, String> caseOf = new java.util.HashMap<>();
            Map<String, String> verifierOf = new java.util.HashMap<>();
            List<String> retention = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(EvidenceRetentionProcess.KEY)
                    .variableValueEquals(EvidenceRetentionProcess.Vars.CASE_NUMBER.getName(), counterfeit).list().stream()
                    .map(p -> p.getId()).toList();
            for (String number : List.of(purchase, parcel, rightsHolder, lab)) {
                caseOf.put(instanceOf(engine, number), number);
            }
            verifierOf.put(instanceOf(engine, rightsHolder), "rh-acme");
            verifierOf.put(instanceOf(engine, lab), "lab-cqi");
            waitFor("the parcel task", () -> task(engine, parcel, CounterfeitCaseProcess.Elements.RECORD_PARCEL_INTAKE));
            return new Templates(Map.of(Kind.RETENTION, retention,
                    Kind.VERDICT, List.of(instanceOf(engine, rightsHolder), instanceOf(engine, lab)),
                    Kind.PURCHASE, List.of(instanceOf(engine, purchase)), Kind.PARCEL, List.of(instanceOf(engine, parcel))),
                    caseOf, verifierOf);
        }

        private static String instanceOf(ProcessEngine engine, String caseNumber) {
            return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .processDefinitionKey(CounterfeitCaseProcess.KEY).singleResult().getId();
        }
    }

    private static boolean task(ProcessEngine engine, String caseNumber, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
                .count() == 1;
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Not reached within a minute: " + what);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Copies the templates into {@code total} waiting instances, in batches of one
     * transaction each, on two connections. @return {caseNumber, verifier} of every case
     * waiting for its verdict
     */
    private static List<String[]> seed(BenchmarkApp bench, ProcessEngine engine, Templates templates, int total)
            throws Exception {
        IdGenerator ids = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getIdGenerator();
        Map<String, EngineRows> rows = new java.util.HashMap<>();
        Map<String, CaseRows> caseRows = new java.util.HashMap<>();
        long caseBase;
        long evidenceBase;
        List<String> historyIndexes;
        String year;
        try (Connection c = bench.postgres.getPostgresDatabase().getConnection()) {
            Set<String> shared = sharedIds(c);
            for (List<String> instances : templates.instances.values()) {
                for (String instance : instances) {
                    rows.put(instance, EngineRows.read(c, instance, shared));
                }
            }
            for (String instance : templates.instances.get(Kind.VERDICT)) {
                caseRows.put(instance, new CaseRows(c, templates.caseOfInstance.get(instance)));
            }
            // case numbers and evidence ids taken from the application's sequences: later cases never collide
            long cases = total - Kind.RETENTION.count(total);
            caseBase = single(c, "select setval('case_number_seq', nextval('case_number_seq') + " + cases + ") - " + cases);
            long items = Kind.RETENTION.count(total);
            evidenceBase = single(c, "select setval('evidence_item_id_seq', nextval('evidence_item_id_seq') + " + items
                    + ") - " + items);
            year = templates.caseOfInstance.values().iterator().next().substring(0, "CF-2026-".length());
            historyIndexes = EngineRows.dropHistoryIndexes(c);
        }
        System.out.printf("%n== seeding %,d waiting instances: %d %% evidence-retention timers, %d %% cases awaiting a"
                        + " verdict, %d %% test-purchase tasks (test-buyers), %d %% parcel-intake tasks (evidence-custodians) ==%n",
                total, Kind.RETENTION.percent, Kind.VERDICT.percent, Kind.PURCHASE.percent, Kind.PARCEL.percent);
        for (Kind kind : Kind.values()) {
            EngineRows first = rows.get(templates.instances.get(kind).get(0));
            System.out.printf("  %-9s %,9d instances, %3d engine rows each (template %s)%n", kind, kind.count(total),
                    first.rowsPerInstance(), first.businessKey);
        }
        int batchSize = 2_000;
        int batches = (total + batchSize - 1) / batchSize;
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicLong rowsWritten = new AtomicLong();
        List<String[]> verdictCases = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            running.add(workers.submit(() -> {
                try (Connection c = bench.postgres.getPostgresDatabase().getConnection()) {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        // no foreign-key triggers on the seeding connections, as pg_restore --disable-triggers:
                        // each check locked the parent row (FOR KEY SHARE) and took half the load's time; the
                        // copies are consistent by construction, and checkSeeded confirms it afterwards
                        s.execute("set session_replication_role = replica");
                    }
                    for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                        Random random = new Random(b);
                        EngineRows.Batch batch = new EngineRows.Batch();
                        Map<String, List<CaseRows.Seeded>> seeded = new java.util.HashMap<>();
                        int from = b * batchSize;
                        int to = Math.min(total, from + batchSize);
                        for (int i = from; i < to; i++) {
                            Kind kind = Kind.of(i);
                            List<String> candidates = templates.instances.get(kind);
                            // the i-th of its kind: its template, and its number among the reserved ones
                            long nth = i / 100 * kind.percent + (i % 100 - slotStart(kind));
                            String template = candidates.get((int) (nth % candidates.size()));
                            long shift = -(long) (random.nextDouble() * kind.maxAgeMillis);
                            EngineRows source = rows.get(template);
                            if (kind == Kind.RETENTION) {
                                long evidenceId = evidenceBase + 1 + nth;
                                source.copyInto(batch, new EngineRows.Copy("EV-" + evidenceId, shift, Map.of(),
                                        Map.of(EvidenceRetentionProcess.Vars.EVIDENCE_ID.getName(), evidenceId)), ids);
                            } else {
                                long number = caseBase + 1 + nthCase(i);
                                String caseNumber = String.format("%s%06d", year, number);
                                String instance = source.copyInto(batch, new EngineRows.Copy(caseNumber, shift,
                                        Map.of(source.businessKey, caseNumber), Map.of()), ids);
                                if (kind == Kind.VERDICT) {
                                    seeded.computeIfAbsent(template, t -> new ArrayList<>())
                                            .add(new CaseRows.Seeded(caseNumber, instance, shift));
                                    verdictCases.add(new String[] {caseNumber, templates.verifierOfInstance.get(template)});
                                }
                            }
                        }
                        batch.write(c);
                        for (Map.Entry<String, List<CaseRows.Seeded>> cases : seeded.entrySet()) {
                            caseRows.get(cases.getKey()).copy(c, cases.getValue());
                        }
                        c.commit();
                        rowsWritten.addAndGet(batch.rows());
                        long all = done.addAndGet(to - from);
                        if (all % 50_000 < batchSize || all == total) {
                            double seconds = (System.nanoTime() - start) / 1e9;
                            System.out.printf("  seeded %,9d / %,d instances in %5.0f s: %,6.0f instances/s, %,7.0f engine rows/s%n",
                                    all, total, seconds, all / seconds, rowsWritten.get() / seconds);
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }
        double copied = (System.nanoTime() - start) / 1e9;
        long indexStart = System.nanoTime();
        createIndexes(bench, historyIndexes);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("seeded %,d instances (%,d engine rows and the rows of %,d cases) in %.0f s: %,.0f instances/s"
                        + " (copying %.0f s, then the history tables' %d indexes %.0f s)%n", total, rowsWritten.get(),
                verdictCases.size(), seconds, total / seconds, copied, historyIndexes.size(),
                (System.nanoTime() - indexStart) / 1e9);
        checkSeeded(bench);
        return verdictCases;
    }

    /** What the engine now holds, and that the copies' references hold (their load ran without foreign-key checks). */
    private static void checkSeeded(BenchmarkApp bench) throws SQLException {
        try (Connection c = bench.postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            long orphans = single(c, """
                    select (select count(*) from act_ru_execution x where x.parent_id_ is not null
                              and not exists (select 1 from act_ru_execution p where p.id_ = x.parent_id_))
                         + (select count(*) from act_ru_variable v where v.execution_id_ is not null
                              and not exists (select 1 from act_ru_execution x where x.id_ = v.execution_id_))
                         + (select count(*) from act_ru_task t
                              where not exists (select 1 from act_ru_execution x where x.id_ = t.execution_id_))
                         + (select count(*) from act_ru_identitylink l
                              where not exists (select 1 from act_ru_task t where t.id_ = l.task_id_))
                         + (select count(*) from act_ru_event_subscr e where e.execution_id_ is not null
                              and not exists (select 1 from act_ru_execution x where x.id_ = e.execution_id_))
                         + (select count(*) from act_ru_job j where j.execution_id_ is not null
                              and not exists (select 1 from act_ru_execution x where x.id_ = j.execution_id_))""");
            if (orphans > 0) {
                throw new IllegalStateException(orphans + " seeded engine rows refer to rows that are not there");
            }
            try (ResultSet rs = s.executeQuery("""
                    select (select count(*) from act_ru_execution where parent_id_ is null),
                           (select count(*) from act_ru_job),
                           (select count(*) from act_ru_event_subscr where event_type_ = 'message' and execution_id_ is not null),
                           (select count(*) from act_ru_task),
                           (select count(*) from act_ru_authorization),
                           (select count(*) from act_hi_actinst) + (select count(*) from act_hi_varinst)
                             + (select count(*) from act_hi_detail)""")) {
                rs.next();
                System.out.printf("the engine holds %,d process instances, %,d jobs, %,d message waits, %,d open tasks,"
                                + " %,d authorizations, %,d history rows (activities, variables, details); no row refers to"
                                + " one that is missing%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6));
            }
        }
    }

    /** The dropped indexes again, built on two connections (one per core). */
    private static void createIndexes(BenchmarkApp bench, List<String> definitions) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService builders = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                running.add(builders.submit(() -> {
                    try (Connection c = bench.postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                        s.execute("set maintenance_work_mem = '512MB'");
                        for (int i = next.getAndIncrement(); i < definitions.size(); i = next.getAndIncrement()) {
                            s.execute(definitions.get(i));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> builder : running) {
                builder.get();
            }
        } finally {
            builders.shutdownNow();
        }
    }

    private static int slotStart(Kind kind) {
        int start = 0;
        for (Kind k : Kind.values()) {
            if (k == kind) {
                return start;
            }
            start += k.percent;
        }
        throw new IllegalStateException();
    }

    /** The number among all cases (every kind but retention) of the {@code i}-th instance. */
    private static long nthCase(long i) {
        int perHundred = 100 - Kind.RETENTION.percent;
        return i / 100 * perHundred + (i % 100 - Kind.RETENTION.percent);
    }

    /** Ids all instances share: deployments, process and decision definitions, job definitions. */
    private static Set<String> sharedIds(Connection c) throws SQLException {
        Set<String> shared = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select id_ from act_re_deployment union all select id_ from act_re_procdef
                union all select id_ from act_re_decision_def union all select id_ from act_re_decision_req_def
                union all select id_ from act_re_camformdef union all select id_ from act_ru_jobdef
                union all select id_ from act_ge_bytearray where deployment_id_ is not null""")) {
            while (rs.next()) {
                shared.add(rs.getString(1));
            }
        }
        return shared;
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Rounds of: one verdict for a random waiting case, then each group's Tasklist query,
     * paced (one round every {@code -Dround.millis}, default 250) so the asynchronous
     * counterfeit path each verdict starts runs beside the calls as it would in production,
     * not queued up behind them.
     */
    private static void measure(BenchmarkApp bench, Http http, ProcessEngine engine, List<String[]> verdictCases,
                                int samples, int instances) throws Exception {
        int warmup = Math.max(50, samples / 5);
        long roundMillis = Long.getLong("round.millis", 250);
        List<String[]> picks = new ArrayList<>(verdictCases);
        Collections.shuffle(picks, new Random(13));
        picks = picks.subList(0, Math.min(picks.size(), warmup + samples));
        String buyersFilter = engine.getFilterService().createFilterQuery().filterName("Test buyers tasks").singleResult()
                .getId();
        long[] verdict = new long[samples];
        long[] buyers = new long[samples];
        long[] custodians = new long[samples];
        long[] filterList = new long[samples];
        System.out.printf("%n== %,d rounds after %,d of warm-up, one every %d ms: a verdict for a random case of the %,d"
                + " waiting for one, then the Tasklist query of test-buyers and of evidence-custodians ==%n", samples, warmup,
                roundMillis, verdictCases.size());
        long start = System.nanoTime();
        for (int round = 0; round < picks.size(); round++) {
            if (round == warmup) {
                try (Connection c = bench.postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("select pg_stat_statements_reset()");
                }
                start = System.nanoTime();
            }
            int sample = round - warmup;
            long t = System.nanoTime();
            http.verdict(picks.get(round)[0], picks.get(round)[1]);
            long v = System.nanoTime() - t;
            long b = taskQuery(http, "buyer", "test-buyers");
            long cu = taskQuery(http, "custodian", "evidence-custodians");
            t = System.nanoTime();
            HttpResponse<String> listed = http.post("/engine-rest/filter/" + buyersFilter + "/list?firstResult=0&maxResults=15",
                    "buyer", SORTED_NEWEST_FIRST, "application/hal+json");
            long f = System.nanoTime() - t;
            if (listed.statusCode() != 200) {
                throw new IllegalStateException("filter list answered " + listed.statusCode() + ": " + listed.body());
            }
            if (sample >= 0) {
                verdict[sample] = v;
                buyers[sample] = b;
                custodians[sample] = cu;
                filterList[sample] = f;
            }
            long due = start + (long) (Math.max(sample, round) + 1) * roundMillis * 1_000_000;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
        }
        double correlateP99 = report("verdict: POST /api/cases/{n}/verification (COUNTERFEIT; correlated by business key)",
                verdict);
        double buyersP99 = report("test-buyers: engine-rest POST /task (candidateGroups, created desc, first 15)", buyers);
        double custodiansP99 = report("evidence-custodians: the same query", custodians);
        report("test-buyers: POST /filter/{id}/list as Tasklist sends it (HAL, with the filter's variables)", filterList);
        statements(bench, samples);
        afterwards(bench, engine, picks);
        System.out.printf("%nWAITING %d instances; CORRELATE_P99_MS %.1f; TASKQUERY_P99_MS %.1f%n", instances,
                correlateP99, Math.max(buyersP99, custodiansP99));
    }

    private static final String SORTED_NEWEST_FIRST = "{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}";

    /** A group member's first page of the group's open tasks, newest first, as Tasklist asks for it. @return nanos */
    private static long taskQuery(Http http, String user, String group) throws Exception {
        String body = "{\"candidateGroups\": [\"" + group + "\"], \"includeAssignedTasks\": true,"
                + " \"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}";
        long t = System.nanoTime();
        HttpResponse<String> response = http.post("/engine-rest/task?firstResult=0&maxResults=15", user, body,
                "application/json");
        long nanos = System.nanoTime() - t;
        if (response.statusCode() != 200 || JSON.readTree(response.body()).size() != 15) {
            throw new IllegalStateException("task query of " + group + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return nanos;
    }

    /** Prints p50, p90, p99 and max. @return p99 in ms */
    private static double report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        System.out.printf("  %-100s p50 %6.1f ms, p90 %6.1f ms, p99 %6.1f ms, max %6.1f ms%n", what, sorted[n / 2] / 1e6,
                sorted[n * 9 / 10] / 1e6, sorted[Math.min(n - 1, n * 99 / 100)] / 1e6, sorted[n - 1] / 1e6);
        return sorted[Math.min(n - 1, n * 99 / 100)] / 1e6;
    }

    /** Where the database's time went during the measured rounds (pg_stat_statements), by total time. */
    private static void statements(BenchmarkApp bench, int rounds) throws SQLException {
        System.out.printf("database time during the %,d measured rounds, by statement (pg_stat_statements, top 12):%n", rounds);
        try (Connection c = bench.postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select calls, total_exec_time, mean_exec_time, max_exec_time,
                            regexp_replace(query, '\\s+', ' ', 'g') as query
                     from pg_stat_statements where query not like '%pg_stat_statements%'
                     order by total_exec_time desc limit 12""")) {
            while (rs.next()) {
                String query = rs.getString(5);
                System.out.printf("  %7d calls %8.0f ms total, mean %7.2f ms, max %7.1f ms  %s%n", rs.getLong(1),
                        rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), query.substring(0, Math.min(160, query.length())));
            }
        }
    }

    /** The measured cases go on asynchronously (takedown, sanction, evidence, referral): they must end as counterfeit. */
    private static void afterwards(BenchmarkApp bench, ProcessEngine engine, List<String[]> picks) throws Exception {
        List<String> numbers = picks.stream().map(p -> p[0]).toList();
        long deadline = System.currentTimeMillis() + 300_000;
        long closed = 0;
        try (Connection c = bench.postgres.getPostgresDatabase().getConnection();
             var s = c.prepareStatement("select count(*) from spot_case where case_number = any(?) and outcome = 'COUNTERFEIT'")) {
            s.setArray(1, c.createArrayOf("varchar", numbers.toArray()));
            while (System.currentTimeMillis() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    closed = rs.getLong(1);
                }
                if (closed == numbers.size() || engine.getRuntimeService().createIncidentQuery().count() > 0) {
                    break;
                }
                Thread.sleep(1000);
            }
        }
        System.out.printf("afterwards, by the job executor: %,d of the %,d cases given a verdict closed COUNTERFEIT;"
                + " incidents: %d%n", closed, numbers.size(), engine.getRuntimeService().createIncidentQuery().count());
    }

    /** HTTP Basic calls as a client of the node makes them; dev accounts' password is their user id. */
    static final class Http {
        private final HttpClient client = HttpClient.newHttpClient();
        private final int port;

        Http(int port) {
            this.port = port;
        }

        HttpResponse<String> post(String path, String user, String body, String accept) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").header("Accept", accept)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode postJson(String path, String user, String body, int expectedStatus) throws Exception {
            HttpResponse<String> response = post(path, user, body, "application/json");
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("POST " + path + " as " + user + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body().isEmpty() ? null : JSON.readTree(response.body());
        }

        /** A flag in as the risk model sends it. @return the new case's number */
        String newCase(ObjectNode flag) throws Exception {
            return postJson("/api/cases", "intake", flag.toString(), 201).get("caseNumber").asText();
        }

        /** The buyer's test purchase, completed as Tasklist completes it. */
        void purchase(ProcessEngine engine, String caseNumber) throws Exception {
            complete(engine, caseNumber, CounterfeitCaseProcess.Elements.PERFORM_TEST_PURCHASE, "buyer", Tasks.vars(
                    "listingUnavailable", false, "orderNumber", "TB-" + caseNumber, "amountPaidCny", 92.50,
                    "videoEvidenceUri", "s3://evidence/video-" + caseNumber + ".mp4", "videoSha256", "a".repeat(64)));
        }

        /** A case through purchase and parcel intake, sent to its verifier. @return its number */
        String atVerification(ProcessEngine engine, ObjectNode flag) throws Exception {
            String caseNumber = newCase(flag);
            purchase(engine, caseNumber);
            complete(engine, caseNumber, CounterfeitCaseProcess.Elements.RECORD_PARCEL_INTAKE, "custodian", Tasks.vars(
                    "parcelReceived", true, "sealNumber", "SEAL-" + caseNumber, "storageLocation", "Hangzhou store, rack 7",
                    "photoSha256", "b".repeat(64)));
            waitFor("the verdict wait of " + caseNumber, () -> engine.getRuntimeService().createExecutionQuery()
                    .processInstanceBusinessKey(caseNumber).activityId(CounterfeitCaseProcess.Elements.AWAIT_VERDICT)
                    .count() > 0);
            return caseNumber;
        }

        HttpResponse<String> verdict(String caseNumber, String verifier) throws Exception {
            HttpResponse<String> response = post("/api/cases/" + caseNumber + "/verification", verifier,
                    "{\"verdict\": \"COUNTERFEIT\", \"reportReference\": \"R-" + caseNumber + "\", \"round\": 1}",
                    "application/json");
            if (response.statusCode() != 202) {
                throw new IllegalStateException("verdict for " + caseNumber + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response;
        }

        private void complete(ProcessEngine engine, String caseNumber, String taskKey, String user,
                              Map<String, Object> variables) throws Exception {
            waitFor(taskKey + " of " + caseNumber, () -> task(engine, caseNumber, taskKey));
            String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
                    .taskDefinitionKey(taskKey).singleResult().getId();
            postJson("/engine-rest/task/" + taskId + "/complete", user, Tasks.body(variables), 204);
        }
    }
}
