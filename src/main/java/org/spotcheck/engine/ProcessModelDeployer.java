package org.spotcheck.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code bpmn/*.bpmn}, {@code bpmn/*.dmn} and {@code forms/*.form} from the
 * classpath under stable names ("bpmn/triage.dmn"), whether they come from a classes
 * folder or a jar. Duplicate filtering then makes an unchanged file no new version and
 * a changed one exactly one, on every node and every restart.
 */
@Component
class ProcessModelDeployer implements InitializingBean {

    static final String DEPLOYMENT_NAME = "spotcheck";
    private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployer.class);
    private static final String[] FOLDERS_AND_PATTERNS = {"bpmn", "*.bpmn", "bpmn", "*.dmn", "forms", "*.form"};

    private final RepositoryService repository;
    private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    ProcessModelDeployer(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        DeploymentBuilder deployment = repository.createDeployment()
                .name(DEPLOYMENT_NAME).source(DEPLOYMENT_NAME).enableDuplicateFiltering(true);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FOLDERS_AND_PATTERNS.length; i += 2) {
            String folder = FOLDERS_AND_PATTERNS[i];
            for (Resource resource : resolver.getResources("classpath*:" + folder + "/" + FOLDERS_AND_PATTERNS[i + 1])) {
                String name = folder + "/" + resource.getFilename();
                try (InputStream in = resource.getInputStream()) {
                    deployment.addInputStream(name, in);
                }
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("No process models on the classpath (bpmn/, forms/): the build is broken");
        }
        DeploymentWithDefinitions result = deployment.deployWithResult();
        int processes = result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size();
        int decisions = result.getDeployedDecisionDefinitions() == null ? 0 : result.getDeployedDecisionDefinitions().size();
        log.info("Deployed {}: {} new process and {} new decision definition(s)", names, processes, decisions);
    }
}
