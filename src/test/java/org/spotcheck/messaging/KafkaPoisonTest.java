package org.spotcheck.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotcheck.support.KafkaClient.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;
import org.spotcheck.support.Hostile;
import org.spotcheck.support.KafkaClient;
import org.spotcheck.support.Tasks;

/**
 * Generated poison on each inbound topic: garbage, invalid UTF-8, truncated or deeply
 * nested JSON, and valid messages with one field broken (missing, out of range, wrong
 * type, oversized, unknown target, wrong verifier), some with injection text besides.
 * Every one ends in {@code <topic>.DLT} with its reason and origin, and nothing else
 * changes: no row, no process state.
 */
class KafkaPoisonTest extends CaseFlows {

    private static final long SEED = 20261131L;
    private static final int PER_TOPIC = 60;

    @org.springframework.beans.factory.annotation.Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    private long rows() {
        return jdbc.sql("""
                select (select count(*) from flag) + (select count(*) from flag_signal) + (select count(*) from spot_case) + (select count(*) from listing)
                     + (select count(*) from seller) + (select count(*) from timeline_entry)
                     + (select count(*) from verification) + (select count(*) from referral_outcome)
                     + (select count(*) from outbox_event)""").query(Long.class).single();
    }

    @Test
    void poisonOnEveryInboundTopicEndsInItsDltAndChangesNothing() {
        Random random = new Random(SEED);
        Case waiting = atVerification(Flags.decidedAs("TEST_BUY"));
        String verifier = view(waiting).at("/verification/verifier").asText();
        ObjectNode cosmetics = Flags.decidedAs("TEST_BUY");
        Flags.listing(cosmetics).put("category", "COSMETICS");
        Case referred = counterfeit(cosmetics);
        String referralId = view(referred).at("/referral/referralId").asText();
        String lead = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(referralId).singleResult().getId();
        Tasks.complete(api(), lead, "liaison", Tasks.vars("agency", "MARKET_REGULATION", "jurisdiction", "Zhejiang",
                "summary", "fakes"));
        String waitingStatus = view(waiting).get("status").asText();
        JsonNode referralBefore = view(referred).get("referral");
        long before = rows();

        Map<String, Map<String, byte[]>> sent = new LinkedHashMap<>();
        sent.put(Topics.FLAGS, poison(random, Flags::highRisk, this::breakFlag));
        sent.put(Topics.VERIFICATION_RESULTS, poison(random, () -> {
            ObjectNode result = Hostile.NODES.objectNode();
            result.put("caseNumber", waiting.number()).put("verifierId", verifier).put("verdict", "COUNTERFEIT")
                    .put("reportReference", "K-POISON");
            return result;
        }, (result, r) -> breakVerdict(result, r, verifier)));
        sent.put(Topics.ENFORCEMENT_OUTCOMES, poison(random, () -> {
            ObjectNode outcome = Hostile.NODES.objectNode();
            outcome.put("referralId", referralId).put("arrests", 3).put("sitesClosed", 1).put("seizedValueCny", 5000)
                    .put("closed", true);
            return outcome;
        }, this::breakOutcome));
        sent.forEach((topic, messages) -> KafkaClient.sendRaw(kafkaBrokers(), topic, messages));

        int tried = 0;
        for (Map.Entry<String, Map<String, byte[]>> topic : sent.entrySet()) {
            Map<String, byte[]> messages = topic.getValue();
            List<ConsumerRecord<String, String>> dead = KafkaClient.read(kafkaBrokers(), topic.getKey() + ".DLT",
                    r -> messages.containsKey(r.key()), messages.size());
            assertThat(dead).extracting(ConsumerRecord::key).as("dead letters of " + topic.getKey())
                    .containsExactlyInAnyOrderElementsOf(messages.keySet());
            for (ConsumerRecord<String, String> record : dead) {
                assertThat(header(record, DeadLetters.REASON)).as(record.value()).isNotBlank();
                assertThat(header(record, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(topic.getKey());
                assertThat(header(record, DeadLetters.ORIGINAL_OFFSET)).isNotBlank();
            }
            tried += messages.size();
        }
        assertThat(rows()).as("rows after %d poison messages", tried).isEqualTo(before);
        assertThat(view(waiting).get("status").asText()).isEqualTo(waitingStatus);
        assertThat(view(referred).get("referral")).isEqualTo(referralBefore);
        System.out.printf("KafkaPoisonTest: %d generated poison messages on %d topics (seed %d), all dead-lettered,"
                + " nothing changed%n", tried, sent.size(), SEED);
    }

    /**
     * As text, each bad byte would become U+FFFD (three bytes): 400 KB would grow past what the
     * DLT takes, the dead-lettering fail, and the partition stall behind it.
     */
    @Test
    void aLargeMessageOfInvalidUtf8GoesToTheDltAsItCameAndTheFlagsBehindItOnItsPartitionAreStored() {
        ObjectNode first = Flags.decidedAs("DISMISS");
        ObjectNode second = Flags.decidedAs("DISMISS");
        Flags.listing(second).setAll(Flags.listing(first));
        String key = "taobao:" + Flags.listing(first).get("listingId").asText();
        byte[] bad = flagWithTitle(first, invalidUtf8(400 * 1024));

        KafkaClient.sendRaw(kafkaBrokers(), Topics.FLAGS, key, List.of(bad, utf8(first), utf8(second)));

        KafkaClient.await("the flags behind it stored", () -> stored(first, second) == 2);
        List<ConsumerRecord<String, byte[]>> dead = KafkaClient.readRaw(kafkaBrokers(), Topics.FLAGS + ".DLT",
                r -> key.equals(r.key()), 1);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(bad);
        assertThat(header(dead.get(0), DeadLetters.REASON)).contains("not valid UTF-8");
        assertThat(header(dead.get(0), DeadLetters.ORIGINAL_TOPIC)).isEqualTo(Topics.FLAGS);
    }

    /**
     * A flag whose storing keeps failing for a reason that is usually transient (here a deadlock,
     * every time) is retried for as long as {@code spotcheck.kafka.retry.max-elapsed} allows (short
     * in the test profile), then parked in the DLT with an alert, and the flags behind it go on.
     */
    @Test
    void aFlagThatKeepsFailingTransientlyIsRetriedForABoundedTimeThenParkedAndTheFlagsBehindItAreStored() {
        ObjectNode stuck = Flags.decidedAs("DISMISS");
        stuck.put("flagId", "STUCK-" + UUID.randomUUID().toString().substring(0, 8));
        ObjectNode behind = Flags.decidedAs("DISMISS");
        Flags.listing(behind).setAll(Flags.listing(stuck));
        String key = "taobao:" + Flags.listing(stuck).get("listingId").asText();
        double parkedBefore = parkedAfterRetries();
        jdbc.sql("""
                create or replace function test_deadlock_stuck_flags() returns trigger language plpgsql as $$
                begin
                    if new.flag_id like 'STUCK-%' then
                        raise exception 'deadlock detected (test)' using errcode = '40P01';
                    end if;
                    return new;
                end $$""").update();
        jdbc.sql("""
                create trigger test_deadlock_stuck_flags before insert on flag_signal
                for each row execute function test_deadlock_stuck_flags()""").update();
        try {
            KafkaClient.sendRaw(kafkaBrokers(), Topics.FLAGS, key, List.of(utf8(stuck), utf8(behind)));

            KafkaClient.await("the flag behind it stored", () -> stored(behind) == 1);
            List<ConsumerRecord<String, byte[]>> dead = KafkaClient.readRaw(kafkaBrokers(), Topics.FLAGS + ".DLT",
                    r -> key.equals(r.key()), 1);
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo(utf8(stuck));
            assertThat(header(dead.get(0), DeadLetters.REASON)).contains("still failing after retries")
                    .contains("40P01");
            assertThat(stored(stuck)).isZero();
            assertThat(parkedAfterRetries()).isEqualTo(parkedBefore + 1);
        } finally {
            jdbc.sql("drop trigger test_deadlock_stuck_flags on flag_signal").update();
            jdbc.sql("drop function test_deadlock_stuck_flags()").update();
        }
    }

    private double parkedAfterRetries() {
        io.micrometer.core.instrument.Counter counter = meters.find(DeadLetters.METRIC)
                .tags("topic", Topics.FLAGS, "cause", "retries-exhausted").counter();
        return counter == null ? 0 : counter.count();
    }

    private long stored(ObjectNode... flags) {
        List<String> ids = java.util.Arrays.stream(flags).map(f -> f.get("flagId").asText()).toList();
        return jdbc.sql("select count(*) from flag_signal where flag_id in (:ids)").param("ids", ids)
                .query(Long.class).single();
    }

    private static byte[] utf8(ObjectNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Lone lead and continuation bytes: no UTF-8 decoder accepts them. */
    private static byte[] invalidUtf8(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i % 2 == 0 ? 0xFF : 0x80);
        }
        return bytes;
    }

    /** The flag's JSON with {@code title} replaced by raw bytes. */
    private static byte[] flagWithTitle(ObjectNode flag, byte[] title) {
        ObjectNode copy = flag.deepCopy();
        Flags.listing(copy).put("title", "TITLE");
        String[] around = copy.toString().split("TITLE", 2);
        byte[] head = around[0].getBytes(StandardCharsets.UTF_8);
        byte[] tail = around[1].getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + title.length + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(title, 0, bytes, head.length, title.length);
        System.arraycopy(tail, 0, bytes, head.length + title.length, tail.length);
        return bytes;
    }

    private static Map<String, byte[]> poison(Random random, java.util.function.Supplier<ObjectNode> valid,
                                              BiConsumer<ObjectNode, Random> breakOne) {
        String run = UUID.randomUUID().toString();
        Map<String, byte[]> messages = new LinkedHashMap<>();
        for (int i = 0; i < PER_TOPIC; i++) {
            messages.put("poison-" + run + "-" + i, poisonMessage(random, valid.get(), breakOne));
        }
        return messages;
    }

    private static byte[] poisonMessage(Random random, ObjectNode valid, BiConsumer<ObjectNode, Random> breakOne) {
        switch (random.nextInt(8)) {
            case 0 -> {
                byte[] garbage = new byte[1 + random.nextInt(300)];
                random.nextBytes(garbage);
                garbage[0] = '#'; // never a JSON value
                return garbage;
            }
            case 1 -> {
                String json = valid.toString();
                return json.substring(0, 1 + random.nextInt(json.length() - 1)).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                return ("[" + Hostile.NESTED + (1000 + random.nextInt(5000)) + "]").transform(Hostile::withNesting)
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                breakOne.accept(valid, random);
                if (random.nextBoolean()) {
                    // injection text besides, in a field the break left alone
                    valid.put("comment", Hostile.NASTY[random.nextInt(Hostile.NASTY.length)]);
                }
                byte[] json = valid.toString().getBytes(StandardCharsets.UTF_8);
                if (random.nextInt(4) == 0) { // and an invalid UTF-8 sequence at the end of a string
                    String text = valid.toString();
                    int quote = text.lastIndexOf('"');
                    byte[] head = text.substring(0, quote).getBytes(StandardCharsets.UTF_8);
                    byte[] tail = text.substring(quote).getBytes(StandardCharsets.UTF_8);
                    json = new byte[head.length + 2 + tail.length];
                    System.arraycopy(head, 0, json, 0, head.length);
                    json[head.length] = (byte) 0xC3;
                    json[head.length + 1] = (byte) 0x28;
                    System.arraycopy(tail, 0, json, head.length + 2, tail.length);
                }
                return json;
            }
        }
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** One field of a valid flag broken beyond what validation accepts. */
    private void breakFlag(ObjectNode flag, Random random) {
        ObjectNode listing = Flags.listing(flag);
        ObjectNode signals = Flags.signals(flag);
        switch (random.nextInt(9)) {
            case 0 -> flag.remove(pick(random, List.of("flagId", "source", "listing", "signals")));
            case 1 -> listing.remove(pick(random, List.of("platform", "listingId", "shopId", "sellerId", "brand",
                    "category", "priceCny")));
            case 2 -> signals.set("riskScore", pick(random, List.of(Hostile.NODES.numberNode(-0.5),
                    Hostile.NODES.numberNode(1.5), Hostile.NODES.textNode("high"), Hostile.NODES.arrayNode(),
                    Hostile.NODES.objectNode(), Hostile.NODES.textNode("NaN"))));
            case 3 -> listing.set("priceCny", pick(random, List.of(Hostile.NODES.numberNode(0),
                    Hostile.NODES.numberNode(-1), Hostile.NODES.textNode("free"), Hostile.NODES.objectNode())));
            case 4 -> listing.put("category", pick(random, List.of("WEAPONS", "", "<script>alert(1)</script>")));
            case 5 -> flag.put("source", pick(random, List.of("HACKER", "", "'; DROP TABLE flag; --")));
            case 6 -> flag.put("flagId", pick(random, List.of("", "   ", "x".repeat(101))));
            case 7 -> listing.put(pick(random, List.of("title", "url")), "x".repeat(2001 + random.nextInt(20_000)));
            default -> flag.put("listing", pick(random, List.of("taobao:L-1", "[]")));
        }
    }

    private void breakVerdict(ObjectNode result, Random random, String routedTo) {
        switch (random.nextInt(6)) {
            case 0 -> result.remove(pick(random, List.of("caseNumber", "verifierId", "verdict", "reportReference")));
            case 1 -> result.put("verdict", pick(random, List.of("MAYBE", "", "counterfeit!", "GENUINE; DROP TABLE")));
            case 2 -> result.put("caseNumber", pick(random, List.of("CF-1999-999999", "' OR 1=1 --", "x".repeat(31))));
            case 3 -> result.put("verifierId", routedTo.equals("lab-cqi") ? "rh-acme" : "lab-cqi");
            case 4 -> result.put("reportReference", "x".repeat(201));
            default -> result.put("notes", "x".repeat(4001 + random.nextInt(10_000)));
        }
    }

    private void breakOutcome(ObjectNode outcome, Random random) {
        switch (random.nextInt(5)) {
            case 0 -> outcome.remove(pick(random, List.of("referralId", "arrests", "sitesClosed", "seizedValueCny",
                    "closed")));
            case 1 -> outcome.put(pick(random, List.of("arrests", "sitesClosed")), pick(random, List.of(-1, 2_000_000)));
            case 2 -> outcome.put("seizedValueCny", pick(random, List.of("-5", "lots", "1e30")));
            case 3 -> outcome.put("referralId", pick(random, List.of("RF-1999-000001", "<script>", "")));
            default -> outcome.put("reportId", "x".repeat(201));
        }
    }
}
