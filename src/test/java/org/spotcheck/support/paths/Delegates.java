package org.spotcheck.support.paths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Mocks of every delegate the diagrams in {@code bpmn/} name ({@code ${assignPersona}}): each
 * records its call (with the input parameters the diagram hands it, {@code
 * closeCase{outcome=COUNTERFEIT}}) and does nothing else, unless a test says what it does
 * ({@link #on}), usually setting the variable a gateway reads next.
 */
public final class Delegates {

    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)\\}\"");

    private final List<String> calls = new ArrayList<>();
    private final Map<String, Consumer<DelegateExecution>> executions = new HashMap<>();
    private final Map<String, Consumer<DelegateTask>> tasks = new HashMap<>();

    private Delegates() {
    }

    static Delegates registerAll() {
        Delegates delegates = new Delegates();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher names = DELEGATE.matcher(Files.readString(file));
                while (names.find()) {
                    Mocks.register(names.group(1), delegates.new Mock(names.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return delegates;
    }

    /** What delegate {@code name} does when called as a service task or execution listener. */
    public Delegates on(String name, Consumer<DelegateExecution> does) {
        executions.put(name, does);
        return this;
    }

    /** What task listener {@code name} does. */
    public Delegates onTask(String name, Consumer<DelegateTask> does) {
        tasks.put(name, does);
        return this;
    }

    /** The calls so far, in order, each with the input parameters it was handed. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    private final class Mock implements JavaDelegate, ExecutionListener, TaskListener {

        private final String name;

        Mock(String name) {
            this.name = name;
        }

        @Override
        public void execute(DelegateExecution execution) {
            // an activity with input parameters runs in a scope of its own, whose local variables they are
            Map<String, Object> inputs = execution.getId().equals(execution.getProcessInstanceId())
                    ? Map.of() : new TreeMap<>(execution.getVariablesLocal());
            calls.add(inputs.isEmpty() ? name : name + inputs);
            executions.getOrDefault(name, e -> { }).accept(execution);
        }

        @Override
        public void notify(DelegateExecution execution) {
            execute(execution);
        }

        @Override
        public void notify(DelegateTask task) {
            calls.add(name);
            tasks.getOrDefault(name, t -> { }).accept(task);
        }
    }
}
