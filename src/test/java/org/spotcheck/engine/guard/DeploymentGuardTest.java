package org.spotcheck.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.Api;
import org.spotcheck.support.IntegrationTest;

/** Deploying a model is not running code: what Modeler and engine-rest may deploy, by role. */
class DeploymentGuardTest extends IntegrationTest {

    private static final String BOUNDARY = "spotcheck-boundary";

    private static String diagram(String key, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s"
                    targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">%2$s</bpmn:process>
                </bpmn:definitions>""".formatted(key, body);
    }

    private Api.Response deploy(String user, String resource, String content) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + resource
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + resource + "\"; filename=\""
                + resource + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
        return api().post("/engine-rest/deployment/create", user, body, "multipart/form-data; boundary=" + BOUNDARY);
    }

    private long definitions(String key) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count();
    }

    @Test
    void aTimerThatWouldMakeTheProcessOwnerAnAdminIsRefusedAtDeployTime() {
        Api.Response refused = deploy("owner", "escalate.bpmn", diagram("escalate", """
                <bpmn:startEvent id="StartEvent_EveryMinute"><bpmn:timerEventDefinition id="Timer_Escalate">
                  <bpmn:timeCycle>${execution.processEngineServices.identityService.createMembership('owner', 'camunda-admin')}</bpmn:timeCycle>
                </bpmn:timerEventDefinition></bpmn:startEvent>"""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        JsonNode problem = refused.json();
        assertThat(problem.get("detail").asText()).contains("Timer_Escalate").contains("calls a method");
        assertThat(problem.at("/details/escalate.bpmn/errors/0/mainElementId").asText()).isEqualTo("Timer_Escalate");
        assertThat(definitions("escalate")).isZero();
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey("escalate").count()).isZero();
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").userId("owner").count()).isZero();
    }

    @Test
    void aProcessOwnerDeploysDiagramsThatCallTheApplicationsDelegates() {
        Api.Response deployed = deploy("owner", "owner-edit.bpmn", diagram("owner-edit", """
                <bpmn:startEvent id="StartEvent_Go"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Go" targetRef="Task_Close"/>
                <bpmn:serviceTask id="Task_Close" camunda:delegateExpression="${closeCase}"/>"""));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        assertThat(definitions("owner-edit")).isOne();
    }

    @Test
    void aDelegateThatIsNotTheApplicationsIsRefusedForOwnersButAdminsMayDeployIt() {
        String model = diagram("admin-only", """
                <bpmn:startEvent id="StartEvent_Go"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Go" targetRef="Task_Java"/>
                <bpmn:serviceTask id="Task_Java" camunda:class="org.example.Anything"/>""");
        Api.Response refused = deploy("owner", "admin-only.bpmn", model);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("Task_Java").contains("camunda:class");
        assertThat(definitions("admin-only")).isZero();

        assertThat(deploy("admin", "admin-only.bpmn", model).status()).isEqualTo(200);
        assertThat(definitions("admin-only")).isOne();
    }

    @Test
    void anExpressionThatGetsPastTheCheckStillReachesNoBeanButTheDelegates() {
        // admins may deploy anything; even then an expression resolves no bean but the delegates
        assertThat(deploy("admin", "reach.bpmn", diagram("reach", """
                <bpmn:startEvent id="StartEvent_Go"/>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Go" targetRef="Task_Wait"/>
                <bpmn:userTask id="Task_Wait" camunda:assignee="${systemEnvironment}"/>""")).status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> engine.getRuntimeService().startProcessInstanceByKey("reach"))
                .hasMessageContaining("systemEnvironment");
        assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey("reach").count()).isZero();
    }

    @Test
    void otherFilesThanModelsAndFormsAreRefused() {
        Api.Response refused = deploy("owner", "form.html", "<form><script cam-script type=\"text/form-script\">"
                + "camForm.on('form-loaded', function () {})</script></form>");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("form.html");
    }

    /** Where a process owner could hide an expression in a diagram that parses. */
    private static final String[] PLACES = {
        "<bpmn:startEvent id=\"StartEvent_T\"><bpmn:timerEventDefinition id=\"Timer_T\"><bpmn:timeCycle>%s</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>",
        "<bpmn:startEvent id=\"StartEvent_T\"><bpmn:timerEventDefinition id=\"Timer_T\"><bpmn:timeDate>%s</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>",
        "<bpmn:startEvent id=\"StartEvent_S\"/><bpmn:sequenceFlow id=\"Flow_S\" sourceRef=\"StartEvent_S\" targetRef=\"Task_U\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">%s</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:userTask id=\"Task_U\"/>",
        "<bpmn:startEvent id=\"StartEvent_S\"/><bpmn:userTask id=\"Task_U\" camunda:assignee=\"%s\"/>",
        "<bpmn:startEvent id=\"StartEvent_S\"/><bpmn:userTask id=\"Task_U\" camunda:candidateGroups=\"%s\"/>",
        "<bpmn:startEvent id=\"StartEvent_S\"/><bpmn:userTask id=\"Task_U\" camunda:dueDate=\"%s\"/>",
        "<bpmn:startEvent id=\"StartEvent_S\"/><bpmn:serviceTask id=\"Task_E\" camunda:expression=\"%s\"/>",
        "<bpmn:startEvent id=\"StartEvent_S\"/><bpmn:serviceTask id=\"Task_E\" camunda:delegateExpression=\"%s\"/>",
        "<bpmn:startEvent id=\"StartEvent_S\"><bpmn:extensionElements><camunda:executionListener event=\"start\" expression=\"%s\"/></bpmn:extensionElements></bpmn:startEvent>",
        "<bpmn:startEvent id=\"StartEvent_S\"/><bpmn:userTask id=\"Task_U\"><bpmn:extensionElements><camunda:taskListener event=\"create\" delegateExpression=\"%s\"/></bpmn:extensionElements></bpmn:userTask>",
        "<bpmn:startEvent id=\"StartEvent_S\"/><bpmn:userTask id=\"Task_U\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">%s</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>",
        "<bpmn:startEvent id=\"StartEvent_S\"/><bpmn:callActivity id=\"Call_C\" calledElement=\"%s\"/>",
        "<bpmn:startEvent id=\"StartEvent_S\"/><bpmn:userTask id=\"Task_U\"><bpmn:multiInstanceLoopCharacteristics camunda:collection=\"%s\" camunda:elementVariable=\"e\"/></bpmn:userTask>",
    };
    private static final String[] PAYLOADS = {
        "${execution.processEngineServices.identityService.createMembership('owner', 'camunda-admin')}",
        "${identityService.createMembership('owner','camunda-admin')}",
        "#{execution.getProcessEngine()}",
        "${''.getClass().forName('java.lang.Runtime')}",
        "${processEngine}", "${jdbcClient}", "${execution}", "${task}", "${ execution . processEngineServices }",
        "${caseNumber['class']}", "${caseNumber.class.classLoader}", "${personaHandle}", "${personaAddress}",
        "${'}'}${identityService}", "P1D ${groupSetup}", "${empty x ? identityService : x}",
    };

    @Test
    void generatedDiagramsHidingCodeAnywhereAreAllRefusedAndNothingIsDeployed() {
        java.util.Random random = new java.util.Random(20261201);
        long deploymentsBefore = engine.getRepositoryService().createDeploymentQuery().count();
        int tried = 0;
        for (String place : PLACES) {
            for (int i = 0; i < 6; i++) {
                String payload = PAYLOADS[random.nextInt(PAYLOADS.length)];
                String key = "hostile-" + tried;
                String xmlSafe = payload.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
                Api.Response answer = deploy("owner", key + ".bpmn", diagram(key, place.formatted(xmlSafe)));
                assertThat(answer.status()).as(place + " with " + payload).isEqualTo(400);
                assertThat(answer.json().path("detail").asText()).as(place + " with " + payload)
                        .contains("a process owner may not deploy");
                tried++;
            }
        }
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
        System.out.println("DeploymentGuardTest: " + tried + " generated hostile diagrams refused");
    }
}
