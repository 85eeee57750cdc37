package org.spotcheck.engine.guard;

import java.util.AbstractMap;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.BeanFactory;

/**
 * The beans an expression in a diagram can reach: the application's delegates and
 * listeners, by name, and nothing else. Camunda resolves every other name against the
 * whole Spring context (systemEnvironment, the data source, the engine's services); given
 * this map instead, an expression that names any other bean finds nothing, whatever the
 * deployment check let through. Beans are looked up when first used, so the engine can be
 * built before them.
 */
final class DelegatesOnly extends AbstractMap<Object, Object> {

    private final BeanFactory beans;
    private final Supplier<Set<String>> names;

    DelegatesOnly(BeanFactory beans, Supplier<Set<String>> names) {
        this.beans = beans;
        this.names = names;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && names.get().contains(name);
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? beans.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return names.get().stream().map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(
                name, beans.getBean(name))).collect(Collectors.toUnmodifiableSet());
    }
}
