package org.spotcheck.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Completes tasks through /engine-rest exactly as Tasklist submits them: typed variables. */
public final class Tasks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tasks() {
    }

    public static Map<String, Object> vars(Object... keysAndValues) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            vars.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return vars;
    }

    public static String body(Map<String, Object> variables) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode vars = body.putObject("variables");
        variables.forEach((name, value) -> {
            ObjectNode v = vars.putObject(name);
            v.set("value", JSON.valueToTree(value));
            v.put("type", value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer"
                    : value instanceof Number ? "Double" : "String");
        });
        return body.toString();
    }

    public static Api.Response complete(Api api, String taskId, String user, Map<String, Object> variables) {
        return api.post("/engine-rest/task/" + taskId + "/complete", user, body(variables));
    }
}
