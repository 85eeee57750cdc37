package org.spotcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spotcheck.cases.CounterfeitCaseProcess;
import org.spotcheck.evidence.CustodyAuditProcess;
import org.spotcheck.evidence.EvidenceRetentionProcess;
import org.spotcheck.referral.PoliceReferralProcess;

/**
 * Each process's variables are declared once, typed, in its backing class: every variable
 * its diagram reads (conditions, timers, due dates, input and output parameters), every
 * input of the decision tables it calls, and every field of the forms of its user tasks.
 * A process owner's new variable fails here until a developer declares it.
 */
class ProcessVariablesDeclaredTest {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{\\w+}\"");
    private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"|&quot;.*?&quot;");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])[A-Za-z_]\\w*(?!\\s*\\()");
    private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
            "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof", "decisionResult");
    private static final Pattern PARAMETER = Pattern.compile("camunda:(?:input|output)Parameter name=\"(\\w+)\"");
    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([\\w-]+)\"");
    private static final Pattern DECISION_REF = Pattern.compile("camunda:decisionRef=\"([\\w-]+)\"");
    private static final Pattern DMN_INPUT = Pattern.compile("<inputExpression[^>]*>\\s*<text>([^<]*)</text>");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"counterfeit-case, org.spotcheck.cases.CounterfeitCaseProcess$Vars",
            "police-referral, org.spotcheck.referral.PoliceReferralProcess$Vars",
            "evidence-retention, org.spotcheck.evidence.EvidenceRetentionProcess$Vars",
            "custody-audit, org.spotcheck.evidence.CustodyAuditProcess$Vars",
            "seller-appeal, org.spotcheck.appeal.AppealProcess$Vars"})
    void everyVariableTheDiagramItsTablesAndFormsUseIsDeclared(String process, String vars) throws Exception {
        assertThat(declared(Class.forName(vars))).as("variables of " + process + " not declared in " + vars)
                .containsAll(usedBy(process));
    }

    /** The scan sees each kind of use: a condition, a timer, a form field, a table input, an input parameter. */
    @org.junit.jupiter.api.Test
    void theScanFindsEveryKindOfUse() throws IOException {
        assertThat(usedBy("counterfeit-case")).contains("route", "waitDeadline", "purchaseDue", "personaHandle",
                "brandEnrolled", "salesValueCny", "outcome", "verificationRoute");
    }

    private static Set<String> usedBy(String process) throws IOException {
        String diagram = Files.readString(Path.of("bpmn", process + ".bpmn"));

        Set<String> used = new TreeSet<>(readBy(DELEGATE.matcher(diagram).replaceAll("")));
        used.addAll(all(PARAMETER, diagram));
        for (String form : all(FORM_REF, diagram)) {
            used.addAll(formKeys(form));
        }
        for (String table : all(DECISION_REF, diagram)) {
            used.addAll(readBy(String.join(" ", all(DMN_INPUT, Files.readString(Path.of("bpmn", table + ".dmn"))))
                    .replaceAll("(\\w+)", "\\${$1}")));
        }
        return used;
    }

    /** Intake evaluates DMN triage with the process's variables, so its inputs are the process's too. */
    @org.junit.jupiter.api.Test
    void theTriageTablesInputsAreCounterfeitCaseVariables() throws Exception {
        Set<String> inputs = new TreeSet<>(all(DMN_INPUT, Files.readString(Path.of("bpmn", "triage.dmn"))));
        assertThat(declared(CounterfeitCaseProcess.Vars.class)).containsAll(inputs);
    }

    private static Set<String> declared(Class<?> vars) throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field field : vars.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Object value = field.get(null);
            if (value instanceof VariableFactory<?> variable) {
                names.add(variable.getName());
            } else if (value instanceof EnumVariable<?> variable) {
                names.add(variable.getName());
            }
        }
        return names;
    }

    /** The variable names read by the {@code ${...}} expressions in {@code text}. */
    private static Set<String> readBy(String text) {
        Set<String> names = new TreeSet<>();
        Matcher expressions = EXPRESSION.matcher(text);
        while (expressions.find()) {
            Matcher identifiers = IDENTIFIER.matcher(STRING_LITERAL.matcher(expressions.group(1)).replaceAll(" "));
            while (identifiers.find()) {
                if (!EL_WORDS.contains(identifiers.group())) {
                    names.add(identifiers.group());
                }
            }
        }
        return names;
    }

    private static Set<String> formKeys(String formId) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path file : forms.toList()) {
                JsonNode form = new ObjectMapper().readTree(file.toFile());
                if (formId.equals(form.path("id").asText())) {
                    form.findValues("key").forEach(key -> keys.add(key.asText()));
                }
            }
        }
        assertThat(keys).as("form " + formId + " has fields").isNotEmpty();
        return keys;
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).trim());
        }
        return found;
    }

    @SuppressWarnings("unused") // the classes the CSV names, so a rename breaks the compile rather than the test
    private static final Class<?>[] BACKING = {CounterfeitCaseProcess.Vars.class, PoliceReferralProcess.Vars.class,
            EvidenceRetentionProcess.Vars.class, CustodyAuditProcess.Vars.class, org.spotcheck.appeal.AppealProcess.Vars.class};
}
