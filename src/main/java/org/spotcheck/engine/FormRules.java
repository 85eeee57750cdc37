package org.spotcheck.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployed Camunda Form's fields and their {@code validate} blocks, applied to what a
 * completion sends as form-js applies them in Tasklist: the form is the one source of a
 * field's limits (required, minLength, maxLength, pattern, min, max, the values of a select
 * or radio), so Java never copies them. A field the form hides ({@code conditional.hide})
 * is not checked, as form-js neither checks nor sends it.
 */
public final class FormRules {

    /** The hide conditions our forms use: {@code =field}, {@code =field = false}, {@code =not(field)}. */
    private static final Pattern HIDE = Pattern.compile(
            "^=\\s*(?:not\\(\\s*(\\w+)\\s*\\)|(\\w+)(?:\\s*=\\s*(true|false))?)\\s*$");

    private final String id;
    private final Map<String, JsonNode> fields = new LinkedHashMap<>();

    private FormRules(JsonNode form) {
        this.id = form.path("id").asText(null);
        collect(form);
    }

    /** The form's id, as a user task's {@code camunda:formRef} names it. */
    public String id() {
        return id;
    }

    public static FormRules of(JsonNode form) {
        return new FormRules(form);
    }

    /** @return each field's key, and whether the user may edit it (not read-only, not disabled) */
    public Map<String, Boolean> fields() {
        Map<String, Boolean> editable = new LinkedHashMap<>();
        fields.forEach((key, field) -> editable.put(key, !field.path("readonly").asBoolean(false)
                && !field.path("disabled").asBoolean(false)));
        return editable;
    }

    /**
     * @param values what the completion sets, by field (text, numbers, Booleans, nulls)
     * @return what is wrong, by field, in the form's order; empty when all is well
     */
    public Map<String, String> problems(Map<String, Object> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, Boolean> editable = fields();
        fields.forEach((key, field) -> {
            if (!editable.get(key) || hidden(field, values)) {
                return;
            }
            String problem = problem(field, values.get(key));
            if (problem != null) {
                problems.put(key, problem);
            }
        });
        return problems;
    }

    private static String problem(JsonNode field, Object value) {
        JsonNode validate = field.path("validate");
        String type = field.path("type").asText();
        boolean blank = value == null || value instanceof String text && text.isBlank();
        if (blank) {
            // Tasklist always sends a checkbox (false when left unticked): one missing was not filled in on the form
            return validate.path("required").asBoolean(false) ? "is required"
                    : type.equals("checkbox") ? "is required: true or false" : null;
        }
        if (type.equals("number")) {
            return value instanceof Number number ? numberProblem(validate, number) : "must be a number";
        }
        if (type.equals("checkbox")) {
            return value instanceof Boolean ? null : "must be true or false";
        }
        return value instanceof String text ? textProblem(field, validate, text) : "must be text";
    }

    private static String numberProblem(JsonNode validate, Number number) {
        BigDecimal amount = new BigDecimal(number.toString());
        if (validate.has("min") && amount.compareTo(validate.get("min").decimalValue()) < 0) {
            return "must be at least " + validate.get("min").asText();
        }
        if (validate.has("max") && amount.compareTo(validate.get("max").decimalValue()) > 0) {
            return "must be at most " + validate.get("max").asText();
        }
        return null;
    }

    private static String textProblem(JsonNode field, JsonNode validate, String text) {
        if (field.has("values")) {
            for (JsonNode option : field.get("values")) {
                if (option.path("value").asText().equals(text)) {
                    return null;
                }
            }
            return "must be one of " + field.get("values").findValuesAsText("value");
        }
        if (validate.has("minLength") && text.length() < validate.get("minLength").asInt()) {
            return "must have at least " + validate.get("minLength").asInt() + " characters";
        }
        if (validate.has("maxLength") && text.length() > validate.get("maxLength").asInt()) {
            return "must have at most " + validate.get("maxLength").asInt() + " characters";
        }
        // as form-js tests it: a JavaScript RegExp's test, so the form's pattern says whether it is anchored
        if (validate.has("pattern") && !Pattern.compile(validate.get("pattern").asText()).matcher(text).find()) {
            return "must match " + validate.get("pattern").asText();
        }
        return null;
    }

    /** Whether the field's hide condition holds for these values; a condition we cannot read hides nothing. */
    private static boolean hidden(JsonNode field, Map<String, Object> values) {
        JsonNode hide = field.path("conditional").path("hide");
        if (!hide.isTextual()) {
            return false;
        }
        Matcher condition = HIDE.matcher(hide.asText());
        if (!condition.matches()) {
            return false;
        }
        if (condition.group(1) != null) {
            return Boolean.FALSE.equals(values.get(condition.group(1)));
        }
        boolean wanted = condition.group(3) == null || Boolean.parseBoolean(condition.group(3));
        return Boolean.valueOf(wanted).equals(values.get(condition.group(2)));
    }

    private void collect(JsonNode node) {
        if (node.isObject() && node.hasNonNull("key") && node.hasNonNull("type")) {
            fields.put(node.get("key").asText(), node);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            collect(children.next());
        }
    }
}
