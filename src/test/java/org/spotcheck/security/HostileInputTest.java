package org.spotcheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.CaseFlows;
import org.spotcheck.support.Flags;

/**
 * Generated hostile bodies (wrong types, oversized and deeply nested values, injection
 * strings, control characters, invalid UTF-8, numeric extremes, garbage) against the
 * writing endpoints. Whatever arrives: never a 5xx, and a refusal is a 4xx problem+json
 * that changed no row (verbatim storage of odd but valid text is FlagIntakeApiTest's).
 * Seeded: every run tries the same inputs, and prints how many.
 */
class HostileInputTest extends CaseFlows {

    private static final long SEED = 20261129L;
    private static final int PER_ENDPOINT = 150;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] NASTY = {
            "'; DROP TABLE spot_case; --", "\" OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
            "#{7*7}", "../../etc/passwd", "\r\nSet-Cookie: x=y", "\u202Egnp.exe", "😀😀😀", "正品保证", "\u0000", "\u0007",
            "\\u0000", "%00", "NaN", "-0", "1e309", "", " ", "null"};

    private long rows() {
        return jdbc.sql("""
                select (select count(*) from flag) + (select count(*) from spot_case) + (select count(*) from verification)
                     + (select count(*) from referral_outcome) + (select count(*) from timeline_entry)""")
                .query(Long.class).single();
    }

    private static JsonNode hostileValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.textNode(NASTY[random.nextInt(NASTY.length)]);
            case 1 -> NODES.textNode("x".repeat(1 + random.nextInt(20_000)));
            case 2 -> NODES.numberNode(random.nextBoolean() ? Long.MAX_VALUE : -random.nextInt(1000));
            case 3 -> NODES.numberNode(new java.math.BigDecimal("1e" + random.nextInt(400)));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.textNode(NESTED + random.nextInt(5000)); // written raw below: too deep for Jackson to write
            case 7 -> NODES.arrayNode().add(NASTY[random.nextInt(NASTY.length)]);
            default -> NODES.objectNode().put("x", NASTY[random.nextInt(NASTY.length)]);
        };
    }

    private static final String NESTED = "__nested__";

    /** Replaces the nesting placeholder by that many raw nested arrays. */
    private static String withNesting(String json) {
        int at = json.indexOf("\"" + NESTED);
        if (at < 0) {
            return json;
        }
        int end = json.indexOf('"', at + 1);
        int depth = Integer.parseInt(json.substring(at + 1 + NESTED.length(), end));
        return json.substring(0, at) + "[".repeat(depth) + "]".repeat(depth) + json.substring(end + 1);
    }

    /** A valid body with one field (at any depth) replaced by something hostile, or raw garbage. */
    private static byte[] mutate(ObjectNode valid, Random random) {
        switch (random.nextInt(10)) {
            case 0:
                return new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}; // invalid UTF-8
            case 1:
                byte[] garbage = new byte[1 + random.nextInt(300)];
                random.nextBytes(garbage);
                return garbage;
            default:
                ObjectNode copy = valid.deepCopy();
                List<ObjectNode> objects = new ArrayList<>();
                collect(copy, objects);
                ObjectNode target = objects.get(random.nextInt(objects.size()));
                List<String> names = new ArrayList<>();
                target.fieldNames().forEachRemaining(names::add);
                String field = random.nextInt(8) == 0 ? "unexpected" + random.nextInt(9) : names.get(random.nextInt(names.size()));
                if (random.nextInt(6) == 0) {
                    target.remove(field);
                } else {
                    target.set(field, hostileValue(random));
                }
                return withNesting(copy.toString()).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void collect(ObjectNode node, List<ObjectNode> into) {
        into.add(node);
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            if (it.next() instanceof ObjectNode child) {
                collect(child, into);
            }
        }
    }

    private int attack(String path, String user, Supplier<ObjectNode> valid, Random random) {
        int tried = 0;
        for (int i = 0; i < PER_ENDPOINT; i++) {
            byte[] body = mutate(valid.get(), random);
            long before = rows();
            Api.Response response = api().postBytes(path, user, body);
            tried++;
            String input = new String(body, StandardCharsets.UTF_8);
            assertThat(response.status()).as("%s with %s", path, abbreviated(input)).isLessThan(500);
            if (response.status() >= 400) {
                assertThat(response.isProblem()).as("problem+json for %s", abbreviated(input)).isTrue();
                assertThat(rows()).as("rows after refusing %s", abbreviated(input)).isEqualTo(before);
            }
        }
        return tried;
    }

    private static String abbreviated(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }

    @Test
    void noInputBreaksOrCorruptsAnything() {
        Random random = new Random(SEED);
        Case waiting = atVerification(Flags.decidedAs("TEST_BUY"));
        int tried = 0;
        tried += attack("/api/cases", "intake", Flags::highRisk, random);
        tried += attack("/api/cases/" + waiting.number() + "/verification", "rh-acme", () -> {
            ObjectNode verdict = NODES.objectNode();
            verdict.put("verdict", "INCONCLUSIVE");
            verdict.put("reportReference", "R-1");
            verdict.put("notes", "n");
            return verdict;
        }, random);
        tried += attack("/api/referrals/RF-1999-000001/outcomes", "liaison", () -> {
            ObjectNode outcome = NODES.objectNode();
            outcome.put("arrests", 1).put("sitesClosed", 0).put("seizedValueCny", 10).put("closed", false);
            return outcome;
        }, random);
        tried += attack("/api/screenings", "intake", () -> NODES.objectNode().put("phoneHash", "p").put("idDocumentHash", "i"),
                random);
        System.out.printf("HostileInputTest: %d generated inputs tried (seed %d), no 5xx, refusals changed nothing%n",
                tried, SEED);
        assertThat(tried).isEqualTo(4 * PER_ENDPOINT);
    }
}
