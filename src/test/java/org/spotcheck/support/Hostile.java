package org.spotcheck.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Generated hostile input (wrong types, oversized and deeply nested values, injection
 * strings, control characters, invalid UTF-8, numeric extremes, garbage), seeded so a
 * failure can be replayed.
 */
public final class Hostile {

    private Hostile() {
    }

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final String[] NASTY = {
            "'; DROP TABLE spot_case; --", "\" OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
            "#{7*7}", "../../etc/passwd", "\r\nSet-Cookie: x=y", "\u202Egnp.exe", "😀😀😀", "正品保证", "\u0000", "\u0007",
            "\\u0000", "%00", "NaN", "-0", "1e309", "", " ", "null"};

    public static JsonNode hostileValue(Random random) {
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

    public static final String NESTED = "__nested__";

    /** Replaces the nesting placeholder by that many raw nested arrays. */
    public static String withNesting(String json) {
        int at = json.indexOf("\"" + NESTED);
        if (at < 0) {
            return json;
        }
        int end = json.indexOf('"', at + 1);
        int depth = Integer.parseInt(json.substring(at + 1 + NESTED.length(), end));
        return json.substring(0, at) + "[".repeat(depth) + "]".repeat(depth) + json.substring(end + 1);
    }

    /** A valid body with one field (at any depth) replaced by something hostile, or raw garbage. */
    public static byte[] mutate(ObjectNode valid, Random random) {
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

}
