package org.spotcheck.engine;

import java.util.Map;

/**
 * A rule of a task's input that no form can say (a seal number used by other evidence, an
 * amount in fractions of a fen), declared as a bean by the capability that knows it. The
 * task guard applies it at both task doors after the form's own rules, before the engine
 * sees the completion: one place, one answer (400 naming the field) for every refusal.
 */
public interface TaskInputRule {

    /** A rule of the form {@code formId}, as a capability declares it in one expression. */
    static TaskInputRule of(String formId, java.util.function.Function<Map<String, Object>, Map<String, String>> problems) {
        return new TaskInputRule() {
            @Override
            public String formId() {
                return formId;
            }

            @Override
            public Map<String, String> problems(Map<String, Object> values) {
                return problems.apply(values);
            }
        };
    }

    /** The id of the form (a user task's {@code camunda:formRef}) whose completions this rule checks. */
    String formId();

    /**
     * @param values what the completion sets, by field, the form's own rules already passed
     * @return what is wrong, by field; empty when all is well
     */
    Map<String, String> problems(Map<String, Object> values);
}
