package org.spotcheck.engine;

import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A process variable of a closed set, typed as its enum in Java and kept as the constant's
 * name in the engine, so that diagrams compare it as text ({@code ${verdict == 'GENUINE'}})
 * and decision tables return it as text. A value outside the set is a fault of the diagram
 * or table, reported with the allowed values.
 */
public final class EnumVariable<E extends Enum<E>> {

    private final VariableFactory<String> variable;
    private final Class<E> type;

    private EnumVariable(String name, Class<E> type) {
        this.variable = stringVariable(name);
        this.type = type;
    }

    public static <E extends Enum<E>> EnumVariable<E> enumVariable(String name, Class<E> type) {
        return new EnumVariable<>(name, type);
    }

    public String getName() {
        return variable.getName();
    }

    public E from(VariableScope scope) {
        return parse(variable.from(scope).get());
    }

    public E fromLocal(VariableScope scope) {
        return parse(variable.from(scope).getLocal());
    }

    public Optional<E> optionalFrom(VariableScope scope) {
        return variable.from(scope).getOptional().map(this::parse);
    }

    public void set(VariableScope scope, E value) {
        variable.on(scope).set(value.name());
    }

    public void set(VariableMap variables, E value) {
        variable.on(variables).set(value.name());
    }

    private E parse(String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("Variable " + getName() + " is " + value + ", not one of "
                    + Arrays.toString(type.getEnumConstants()), e);
        }
    }
}
