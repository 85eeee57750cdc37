package org.spotcheck.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.spotcheck.messaging.Topics;
import org.spotcheck.support.Flags;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flag intake through {@code spotcheck.flags} on one node, against a local PostgreSQL and
 * Kafka: a backlog of a realistic mix (5 % high risk, many resent flags and repeat listings), then the
 * raw consumer rate of the same messages on the same broker, and the rate of each kind of
 * flag on its own (where the time goes). Run with
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=org.spotcheck.bench.FlagThroughputBenchmark -Dflags=20000}
 * (default 1,000,000). Prints where intake's time went (timer {@code spotcheck.intake.step}), the
 * storage per flag, the delay from produce to the decision on {@code spotcheck.flag-decisions} at
 * half the intake rate, and last the database's ceiling for one plain row per flag and the line
 * {@code INTAKE …; CEILING …; SHARE …; BYTES_PER_FLAG …; P99_MS …}.
 */
public final class FlagThroughputBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FlagThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("flags", 1_000_000);
        // the job executor runs the starts of the cases that need a process, as on a real node
        List<String> settings = new ArrayList<>(List.of("--spotcheck.outbox.poll-millis=500",
                "--spotcheck.flag-decisions.poll-millis=200",
                "--camunda.bpm.job-execution.enabled=true"));
        // -Dnode.args="--spring.kafka.consumer.max-poll-records=1000 ..." tries other settings of the node
        settings.addAll(List.of(System.getProperty("node.args", "").split(" ")).stream().filter(a -> !a.isBlank()).toList());
        try (BenchmarkApp bench = new BenchmarkApp(settings.toArray(String[]::new))) {
            JdbcClient db = bench.app.getBean(JdbcClient.class);
            String brokers = bench.kafka.getBrokersAsString();
            List<String[]> mix = mix(n, new Random(7));
            System.out.printf("%n== %,d flags, mixed: 5%% high risk (on %,d suspicious listings), 25%% resent,"
                    + " 30%% repeat listings, rest new low risk ==%n", n, Math.max(20, n / 500));
            io.micrometer.core.instrument.MeterRegistry meters = bench.app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            Map<String, Double> before = steps(meters);
            Result mixed = run(bench, Topics.FLAGS, mix);
            Map<String, Double> spent = steps(meters);
            before.forEach((step, seconds) -> spent.merge(step, -seconds, Double::sum));
            double raw = rawConsumerRate(brokers, Topics.FLAGS, n);
            System.out.printf("intake: %,.0f flags/s; cases opened: %,.0f/s, of which with a process: %,.0f/s;"
                    + " raw consumer rate of the same messages: %,.0f/s; intake / raw = %.3f%n", mixed.flagsPerSecond,
                    mixed.casesPerSecond, mixed.processesPerSecond, raw, mixed.flagsPerSecond / raw);
            System.out.printf("process starts (job executor, beside intake): %,d, all run %,.1f s after the first flag"
                    + " was taken: %,.0f cases started/s%n", mixed.processes, mixed.startsDoneSeconds,
                    mixed.processes / mixed.startsDoneSeconds);
            double total = spent.values().stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf("where intake's time went (seconds summed over the consumer threads, %.0f s in all):%n", total);
            spent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(step ->
                    System.out.printf("  %-22s %7.1f s  %4.1f %%%n", step.getKey(), step.getValue(), 100 * step.getValue() / total));
            System.out.printf("backlog: 99%% of its flags stored within %,d s of intake resuming%n", mixed.p99 / 1000);
            long bytesPerFlag = bytesPerFlag(db);
            long listingBytes = db.sql("select pg_total_relation_size('listing') / greatest(1, count(*)) from listing")
                    .query(Long.class).single();
            System.out.printf("storage: %,d bytes per stored flag (flag_signal, table + indexes); %,d bytes per"
                    + " listing with its watch record%n", bytesPerFlag, listingBytes);
            int rate = (int) Math.max(100, mixed.flagsPerSecond / 2);
            long[] delay = latency(brokers, rate, new Random(11));
            System.out.printf("delay produce -> decision on spotcheck.flag-decisions, at a steady %,d flags/s (half the"
                    + " intake rate): p50 %,d ms, p99 %,d ms%n", rate, delay[0], delay[1]);

            int each = Math.max(1000, n / 20);
            System.out.printf("%n== where the time goes: %,d flags of one kind each ==%n", each);
            List<String[]> fresh = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                fresh.add(flag(Flags.decidedAs("DISMISS")));
            }
            report("new low-risk listing (triaged and closed at intake, no engine)", run(bench, Topics.FLAGS, fresh));
            report("resent flag (duplicate)", run(bench, Topics.FLAGS, fresh));
            List<String[]> highRisk = new ArrayList<>();
            for (int i = 0; i < Math.max(200, each / 20); i++) {
                highRisk.add(flag(Flags.decidedAs("TEST_BUY")));
            }
            report("new high-risk listing (a case and its process start)", run(bench, Topics.FLAGS, highRisk));
            ObjectNode open = Flags.decidedAs("TEST_BUY");
            run(bench, Topics.FLAGS, List.<String[]>of(flag(open)));
            List<String[]> merges = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                ObjectNode merge = Flags.decidedAs("TEST_BUY");
                Flags.listing(merge).setAll(Flags.listing(open));
                merges.add(flag(merge));
            }
            report("flag for a listing with an open case (merge, no engine)", run(bench, Topics.FLAGS, merges));

            int threads = bench.app.getEnvironment().getProperty("spring.kafka.listener.concurrency", Integer.class, 3);
            double ceiling = ceiling(bench, mix, threads);
            System.out.printf("%nceiling: %,.0f plain rows/s (the mix's flags as rows of flag_signal's columns, no index,"
                    + " batches of 500, %d connections, nothing else running)%n", ceiling, threads);
            System.out.printf("INTAKE %.0f flags/s; CEILING %.0f rows/s; SHARE %.3f; BYTES_PER_FLAG %d; P99_MS %d%n",
                    mixed.flagsPerSecond, ceiling, mixed.flagsPerSecond / ceiling, bytesPerFlag, delay[1]);
        }
    }

    /**
     * Flags of the same mix sent at a steady rate below capacity; each flag id carries its send
     * time, and the delay is taken when its decision arrives on {@code spotcheck.flag-decisions}:
     * what the risk model waits for its feedback.
     */
    private static long[] latency(String brokers, int rate, Random random) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.LINGER_MS_CONFIG, 1);
        int count = rate * 10;
        List<String[]> flags = mix(count, random);
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-decisions-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean assigned = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread listener = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
                consumer.subscribe(List.of(Topics.FLAG_DECISIONS));
                while (!stop.get()) {
                    var records = consumer.poll(Duration.ofMillis(50));
                    if (!consumer.assignment().isEmpty()) {
                        assigned.set(true);
                    }
                    long now = System.currentTimeMillis();
                    records.forEach(r -> {
                        if (r.key().startsWith("LAT-") && seen.add(r.key())) {
                            delays.add(now - Long.parseLong(r.key().split("-")[1]));
                        }
                    });
                }
            }
        }, "decisions-consumer");
        listener.start();
        while (!assigned.get()) {
            Thread.sleep(50);
        }
        Thread.sleep(1000); // positioned at the end of every partition
        long start = System.nanoTime();
        java.util.Set<String> sentIds = new java.util.HashSet<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                ObjectNode flag = (ObjectNode) JSON.readTree(flags.get(i)[2]);
                String id = "LAT-" + System.currentTimeMillis() + "-" + UUID.randomUUID();
                flag.put("flagId", id);
                sentIds.add(id);
                producer.send(new ProducerRecord<>(Topics.FLAGS, flags.get(i)[1], flag.toString()));
            }
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (seen.size() < sentIds.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        stop.set(true);
        listener.join();
        List<Long> sorted = delays.stream().sorted().toList();
        if (sorted.size() < sentIds.size()) {
            System.out.printf("WARNING: %,d of %,d decisions did not arrive within 2 minutes%n",
                    sentIds.size() - sorted.size(), sentIds.size());
        }
        return new long[] {sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 99 / 100)};
    }

    /**
     * The database's own limit for one row per flag: the same flags' columns inserted as plain
     * rows (no index) into a table of flag_signal's columns, in batches of 500, each batch a
     * commit, from as many connections as intake has consumer threads, with nothing else running.
     */
    private static double ceiling(BenchmarkApp bench, List<String[]> mix, int threads) throws Exception {
        JdbcClient db = bench.app.getBean(JdbcClient.class);
        javax.sql.DataSource dataSource = bench.app.getBean(javax.sql.DataSource.class);
        db.sql("create table ceiling_flag (like flag_signal including defaults)").update();
        List<List<String[]>> batches = new ArrayList<>();
        for (int i = 0; i < mix.size(); i += 500) {
            batches.add(mix.subList(i, Math.min(mix.size(), i + 500)));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement insert = c.prepareStatement("""
                        insert into ceiling_flag (received_on, flag_id, received_at, listing_pk, decision, priority,
                                                  exploration, case_number, merged, received_by, payload)
                        select current_date, f, now(), 1, 'DISMISS', 3, false, null, false, 'kafka', cast(j as json)
                        from unnest(?::varchar[], ?::text[]) as t(f, j)""")) {
                    c.setAutoCommit(true);
                    for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                        List<String[]> batch = batches.get(b);
                        insert.setArray(1, c.createArrayOf("varchar", batch.stream().map(f -> f[0]).toArray()));
                        insert.setArray(2, c.createArrayOf("text", batch.stream().map(f -> f[2]).toArray()));
                        insert.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> w : work) {
            w.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        db.sql("drop table ceiling_flag").update();
        return mix.size() / seconds;
    }

    /** Table, index and TOAST bytes of flag_signal (all partitions) per stored flag. */
    private static long bytesPerFlag(JdbcClient db) {
        db.sql("checkpoint").update();
        db.sql("vacuum analyze flag_signal").update();
        long bytes = db.sql("""
                select coalesce(sum(pg_total_relation_size(i.inhrelid)), 0)::bigint from pg_inherits i
                where i.inhparent = 'flag_signal'::regclass""").query(Long.class).single();
        long rows = db.sql("select count(*) from flag_signal").query(Long.class).single();
        return bytes / Math.max(1, rows);
    }

    /** Seconds spent per intake step so far (timer {@code spotcheck.intake.step}). */
    private static Map<String, Double> steps(io.micrometer.core.instrument.MeterRegistry meters) {
        Map<String, Double> steps = new java.util.TreeMap<>();
        meters.find("spotcheck.intake.step").timers().forEach(timer -> steps.put(timer.getId().getTag("step"),
                timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0));
        return steps;
    }

    private static void report(String kind, Result result) {
        System.out.printf("%-58s %,8.0f flags/s%s%n", kind, result.flagsPerSecond, result.processes == 0 ? ""
                : String.format("; %,d process starts all run after %,.1f s", result.processes, result.startsDoneSeconds));
    }

    /**
     * {flagId, key, json}. 5 % high risk, on a pool of suspicious listings (a risk model
     * flags the same listing again while its case is open: the first flag opens the case
     * and starts its process, the rest join it); 25 % resent as they were (at-least-once
     * delivery upstream); 30 % low risk on a listing seen before; the rest low risk on new
     * listings, half MONITOR, half DISMISS.
     */
    private static List<String[]> mix(int n, Random random) {
        List<String[]> flags = new ArrayList<>(n);
        List<ObjectNode> sent = new ArrayList<>();
        List<ObjectNode> suspicious = new ArrayList<>();
        for (int i = 0; i < Math.max(20, n / 500); i++) {
            suspicious.add(Flags.decidedAs("TEST_BUY"));
        }
        for (int i = 0; i < n; i++) {
            double draw = random.nextDouble();
            ObjectNode flag;
            if (draw < 0.25 && !sent.isEmpty()) {
                flag = sent.get(random.nextInt(sent.size())); // resent as it was
                flags.add(new String[] {flag.get("flagId").asText(), key(flag), flag.toString()});
                continue;
            } else if (draw < 0.55 && !sent.isEmpty()) {
                flag = Flags.decidedAs("MONITOR");
                Flags.listing(flag).setAll(Flags.listing(sent.get(random.nextInt(sent.size()))));
            } else if (draw > 0.95) {
                flag = Flags.decidedAs("TEST_BUY");
                Flags.listing(flag).setAll(Flags.listing(suspicious.get(random.nextInt(suspicious.size()))));
            } else {
                flag = Flags.decidedAs(draw > 0.75 ? "MONITOR" : "DISMISS");
            }
            sent.add(flag);
            flags.add(flag(flag));
        }
        return flags;
    }

    private static String[] flag(ObjectNode flag) {
        flag.put("flagId", "BENCH-" + UUID.randomUUID());
        return new String[] {flag.get("flagId").asText(), key(flag), flag.toString()};
    }

    private static String key(ObjectNode flag) {
        return Flags.listing(flag).get("platform").asText() + ":" + Flags.listing(flag).get("listingId").asText();
    }

    /**
     * Intake of a backlog: the flags are produced while intake is paused, then intake is
     * resumed and timed until every new flag is stored, so the producer (another machine's
     * work) does not share the two cores with intake. Then waits for the process starts.
     */
    private static Result run(BenchmarkApp bench, String topic, List<String[]> flags) throws Exception {
        JdbcClient db = bench.app.getBean(JdbcClient.class);
        org.camunda.bpm.engine.ManagementService management = bench.app.getBean(org.camunda.bpm.engine.ManagementService.class);
        org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners =
                bench.app.getBean(org.springframework.kafka.config.KafkaListenerEndpointRegistry.class);
        long flagsBefore = db.sql("select count(*) from flag_signal").query(Long.class).single();
        long casesBefore = db.sql("select count(*) from spot_case").query(Long.class).single();
        long processesBefore = db.sql("select count(*) from spot_case where process_instance_id is not null")
                .query(Long.class).single();
        long distinct = flags.stream().map(f -> f[0]).distinct().count();
        // flags already on record (a resend run) add no row: wait only for the new ones
        long expected = flagsBefore + distinct - alreadyKnown(db, flags);
        listeners.getListenerContainers().forEach(org.springframework.kafka.listener.MessageListenerContainer::pause);
        Thread.sleep(1000); // the poll under way ends
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String[] f : flags) {
                producer.send(new ProducerRecord<>(topic, null, System.currentTimeMillis(), f[1], f[2]));
            }
        }
        long start = System.currentTimeMillis();
        listeners.getListenerContainers().forEach(org.springframework.kafka.listener.MessageListenerContainer::resume);
        while (db.sql("select count(*) from flag_signal").query(Long.class).single() < expected) {
            Thread.sleep(100);
        }
        double seconds = (System.currentTimeMillis() - start) / 1000.0;
        long cases = db.sql("select count(*) from spot_case").query(Long.class).single() - casesBefore;
        long processes = db.sql("select count(*) from spot_case where process_instance_id is not null")
                .query(Long.class).single() - processesBefore;
        while (management.createJobQuery().activityId(org.spotcheck.cases.CounterfeitCaseProcess.Elements.START)
                .count() > 0) {
            Thread.sleep(100);
        }
        double startsDone = (System.currentTimeMillis() - start) / 1000.0;
        List<Long> delays = db.sql("""
                select (extract(epoch from received_at) * 1000)::bigint from flag_signal
                where received_at >= to_timestamp(:start / 1000.0)""")
                .param("start", start).query(Long.class).list();
        delays = delays.stream().map(t -> Math.max(0, t - start)).sorted().toList();
        long p50 = delays.isEmpty() ? 0 : delays.get(delays.size() / 2);
        long p99 = delays.isEmpty() ? 0 : delays.get(Math.min(delays.size() - 1, delays.size() * 99 / 100));
        return new Result(flags.size() / seconds, cases / seconds, processes / seconds, p50, p99, processes, startsDone);
    }

    private static long alreadyKnown(JdbcClient db, List<String[]> flags) {
        List<String> ids = flags.stream().map(f -> f[0]).distinct().toList();
        long known = 0;
        for (int i = 0; i < ids.size(); i += 1000) {
            known += db.sql("select count(*) from flag_signal where flag_id in (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).query(Long.class).single();
        }
        return known;
    }

    private static double rawConsumerRate(String brokers, String topic, int n) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long count = 0;
            long start = 0;
            while (count < n) {
                int got = consumer.poll(Duration.ofMillis(500)).count();
                if (got > 0 && start == 0) {
                    start = System.nanoTime();
                }
                count += got;
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    private record Result(double flagsPerSecond, double casesPerSecond, double processesPerSecond, long p50, long p99,
                          long processes, double startsDoneSeconds) {
    }
}
