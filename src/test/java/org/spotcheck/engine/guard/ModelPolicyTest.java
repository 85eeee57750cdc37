package org.spotcheck.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a process owner may deploy: the application's delegates by name, expressions over variables, FEEL. */
class ModelPolicyTest {

    private static final ModelPolicy POLICY = new ModelPolicy(Set.of("takeDownListing", "caseStage"),
            Set.of("identityService", "jdbcClient", "personaHandle"));

    private static List<ModelPolicy.Violation> bpmn(String body) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test"
                    targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="evil" isExecutable="true">%s</bpmn:process>
                </bpmn:definitions>""".formatted(body);
        return POLICY.check("bpmn/evil.bpmn", xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDiagramsAndTablesInBpmnPassWithTheApplicationsDelegates() throws Exception {
        ModelPolicy real = new ModelPolicy(delegatesNamedIn(), Set.of("identityService", "personaHandle"));
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.toList()) {
                assertThat(real.check("bpmn/" + file.getFileName(), Files.readAllBytes(file))).as(file.toString()).isEmpty();
            }
        }
    }

    private static Set<String> delegatesNamedIn() throws Exception {
        StringBuilder diagrams = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                diagrams.append(Files.readString(file));
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(diagrams);
        java.util.Set<String> names = new java.util.HashSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).contains("takeDownListing", "verifyCustodyChains");
        return names;
    }

    @Test
    void aTimerThatMakesItsAuthorAnAdminIsRefusedNamingTheElement() {
        List<ModelPolicy.Violation> violations = bpmn("""
                <bpmn:startEvent id="StartEvent_Hourly">
                  <bpmn:timerEventDefinition id="Timer_Evil">
                    <bpmn:timeCycle>${execution.processEngineServices.identityService.createMembership('owner','camunda-admin')}</bpmn:timeCycle>
                  </bpmn:timerEventDefinition>
                </bpmn:startEvent>""");
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.elementId()).isEqualTo("Timer_Evil");
            assertThat(v.message()).contains("calls a method");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a Java class                 | <bpmn:serviceTask id="Task_X" camunda:class="com.evil.Run"/>                                                   | camunda:class is not allowed
            another bean as a delegate   | <bpmn:serviceTask id="Task_X" camunda:delegateExpression="${identityService}"/>                                | names no delegate
            a delegate with a method     | <bpmn:serviceTask id="Task_X" camunda:delegateExpression="${takeDownListing.execute(execution)}"/>             | names no delegate
            an expression service task   | <bpmn:serviceTask id="Task_X" camunda:expression="${jdbcClient}"/>                                            | reaches 'jdbcClient'
            a script task                | <bpmn:scriptTask id="Task_X" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>             | script tasks are not allowed
            a script listener            | <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:taskListener event="create"><camunda:script scriptFormat="js">1</camunda:script></camunda:taskListener></bpmn:extensionElements></bpmn:userTask> | camunda:script is not allowed
            a listener class             | <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:executionListener event="start" class="x"/></bpmn:extensionElements></bpmn:userTask> | camunda:class is not allowed
            a listener expression        | <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:taskListener event="create" expression="${identityService}"/></bpmn:extensionElements></bpmn:userTask> | reaches 'identityService'
            a listener bean              | <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:taskListener event="create" delegateExpression="${jdbcClient}"/></bpmn:extensionElements></bpmn:userTask> | names no delegate
            a script condition           | <bpmn:sequenceFlow id="Flow_X" sourceRef="a" targetRef="b"><bpmn:conditionExpression language="javascript">true</bpmn:conditionExpression></bpmn:sequenceFlow> | makes a script
            a connector                  | <bpmn:serviceTask id="Task_X"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask> | camunda:connector is not allowed
            a property of a variable     | <bpmn:userTask id="Task_X" camunda:assignee="${listing.class}"/>                                              | reads a property
            an index into a variable     | <bpmn:userTask id="Task_X" camunda:assignee="${listing['class']}"/>                                           | indexes into
            the persona                  | <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name="leak">${personaHandle}</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:userTask> | reaches 'personaHandle'
            a call on a decision result  | <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name="x">${decisionResult.getClass()}</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:userTask> | calls a method
            a shell service task      | <bpmn:serviceTask id="Task_X" camunda:type="shell"><bpmn:extensionElements><camunda:field name="command"><camunda:string>sh</camunda:string></camunda:field></bpmn:extensionElements></bpmn:serviceTask> | camunda:type is not allowed
            an embedded HTML form        | <bpmn:userTask id="Task_X" camunda:formKey="embedded:deployment:x.html"/>                                     | camunda:formKey is not allowed
            a web service operation      | <bpmn:serviceTask id="Task_X" implementation="##WebService" operationRef="op"/>                              | web service
            a unicode-spaced property    | <bpmn:userTask id="Task_X" camunda:assignee="${caseNumber　.　class}"/>                              | reads a property
            a property of a literal      | <bpmn:userTask id="Task_X" camunda:assignee="${''.class}"/>                                                    | reads a property
            a deferred expression        | <bpmn:userTask id="Task_X" camunda:dueDate="#{execution}"/>                                                   | reaches 'execution'
            a script resource            | <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:taskListener event="create" camunda:resource="deployment://x.js"/></bpmn:extensionElements></bpmn:userTask> | camunda:resource is not allowed
            """)
    void codeInADiagramIsRefused(String what, String element, String message) {
        List<ModelPolicy.Violation> violations = bpmn(element);
        assertThat(violations).as(what).isNotEmpty();
        assertThat(violations).as(what).anySatisfy(v -> {
            assertThat(v.message()).contains(message);
            assertThat(v.elementId()).isIn("Task_X", "Flow_X");
        });
    }

    @Test
    void conditionsOverVariablesAndTheApplicationsDelegatesPass() {
        assertThat(bpmn("""
                <bpmn:serviceTask id="Task_TakeDown" camunda:delegateExpression="${takeDownListing}">
                  <bpmn:extensionElements><camunda:executionListener delegateExpression="${caseStage}" event="start"/></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:userTask id="Task_Review" camunda:dueDate="${purchaseDue}" camunda:priority="${taskPriority}"/>
                <bpmn:businessRuleTask id="Task_Triage" camunda:decisionRef="triage"><bpmn:extensionElements><camunda:inputOutput>
                  <camunda:outputParameter name="priority">${decisionResult.getSingleResult().get('priority')}</camunda:outputParameter>
                </camunda:inputOutput></bpmn:extensionElements></bpmn:businessRuleTask>
                <bpmn:sequenceFlow id="Flow_Fake" sourceRef="a" targetRef="b">
                  <bpmn:conditionExpression>${verdict == 'COUNTERFEIT' &amp;&amp; !overspend || score gt 0.5}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:intermediateCatchEvent id="Event_Wait"><bpmn:timerEventDefinition id="Timer_Wait">
                  <bpmn:timeDuration>P14D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""")).isEmpty();
    }

    @Test
    void decisionTablesStayFeel() {
        String juel = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
                  <decision id="evil" name="evil"><decisionTable id="Table_Evil">
                    <input id="Input_1"><inputExpression id="InputExpression_1" expressionLanguage="juel" typeRef="string">
                      <text>${identityService.createMembership('owner','camunda-admin')}</text></inputExpression></input>
                    <output id="Output_1" name="o" typeRef="string"/>
                  </decisionTable></decision>
                </definitions>""";
        assertThat(POLICY.check("bpmn/evil.dmn", juel.getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelPolicy.Violation::elementId).contains("InputExpression_1");
        String external = juel.replace(" expressionLanguage=\"juel\"", "")
                .replace("${identityService.createMembership('owner','camunda-admin')}",
                        "function(x) external {java: {class: \"java.lang.Runtime\", method signature: \"exec(String)\"}}");
        assertThat(POLICY.check("bpmn/evil.dmn", external.getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("external"));
    }

    @Test
    void caseModelsDoctypesAndOtherFilesAreRefused() {
        assertThat(POLICY.check("evil.cmmn", "<x/>".getBytes(StandardCharsets.UTF_8))).hasSize(1);
        for (String other : new String[] {"x.html", "x.js", "script.groovy", "page.HTML"}) {
            assertThat(POLICY.check(other, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).as(other).hasSize(1);
        }
        assertThat(POLICY.check("forms/review-flag.form", "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";
        assertThat(POLICY.check("bpmn/evil.bpmn", xxe.getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("DOCTYPE"));
    }
}
