package org.spotcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.spotcheck.support.IntegrationTest;

/** An unchanged model deploys no new version; a changed one exactly one. */
class ProcessModelDeploymentTest extends IntegrationTest {

    private long versions(String decisionKey) {
        return engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).count();
    }

    @Test
    void redeployingUnchangedModelsCreatesNoNewVersions() throws Exception {
        RepositoryService repository = engine.getRepositoryService();
        long deployments = repository.createDeploymentQuery().count();
        long processVersions = repository.createProcessDefinitionQuery().processDefinitionKey("counterfeit-case").count();

        new ProcessModelDeployer(repository).afterPropertiesSet();

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("counterfeit-case").count())
                .isEqualTo(processVersions);
        assertThat(repository.getDeploymentResourceNames(repository.createDeploymentQuery()
                .deploymentName(ProcessModelDeployer.DEPLOYMENT_NAME).list().get(0).getId()))
                .allMatch(name -> name.startsWith("bpmn/") || name.startsWith("forms/"));
    }

    @Test
    void aChangedModelBecomesANewVersion() throws Exception {
        RepositoryService repository = engine.getRepositoryService();
        long before = versions("triage");
        String edited = Files.readString(Path.of("bpmn/triage.dmn"))
                .replace("Always buy, whatever the model says.", "Always buy (edited in Modeler).");

        repository.createDeployment().name(ProcessModelDeployer.DEPLOYMENT_NAME)
                .source(ProcessModelDeployer.DEPLOYMENT_NAME).enableDuplicateFiltering(true)
                .addString("bpmn/triage.dmn", edited).deploy();
        assertThat(versions("triage")).isEqualTo(before + 1);

        // the file on the classpath differs from the edited latest version: one more version, then stable
        new ProcessModelDeployer(repository).afterPropertiesSet();
        new ProcessModelDeployer(repository).afterPropertiesSet();
        assertThat(versions("triage")).isEqualTo(before + 2);
        assertThat(new String(repository.getResourceAsStream(repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey("triage").latestVersion().singleResult().getDeploymentId(), "bpmn/triage.dmn")
                .readAllBytes(), StandardCharsets.UTF_8)).contains("Always buy, whatever the model says.");
    }
}
