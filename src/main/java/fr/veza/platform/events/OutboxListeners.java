package fr.veza.platform.events;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The outbox listeners this instance has, named as the event publication registry names them
 * ({@code fr.veza.search.internal.SearchIndexer.on(fr.veza.catalog.TrackChanged)}). An event waiting for a
 * listener that is not here (the search indexer on an instance set to PostgreSQL search) is left for an instance
 * that has it, instead of being handed over to nobody on every retry.
 */
@Component
class OutboxListeners {

    private final ListableBeanFactory beans;
    private volatile Set<String> ids;

    OutboxListeners(ListableBeanFactory beans) {
        this.beans = beans;
    }

    boolean has(String listenerId) {
        return ids().contains(listenerId);
    }

    private Set<String> ids() {
        Set<String> known = ids;
        if (known == null) {
            known = new HashSet<>();
            for (String name : beans.getBeanDefinitionNames()) {
                Class<?> type = beans.getType(name, false);
                if (type == null) {
                    continue;
                }
                for (Method method : ReflectionUtils.getUniqueDeclaredMethods(ClassUtils.getUserClass(type))) {
                    if (AnnotatedElementUtils.hasAnnotation(method, TransactionalEventListener.class)) {
                        known.add(idOf(method));
                    }
                }
            }
            ids = known;
        }
        return known;
    }

    /** Spring's default listener id: the qualified method name and its parameter types. */
    static String idOf(Method method) {
        return ClassUtils.getQualifiedMethodName(method)
                + Arrays.stream(method.getParameterTypes())
                        .map(Class::getName)
                        .collect(Collectors.joining(",", "(", ")"));
    }
}
