package dev.starterkit.db.cache.jdbc;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Makes proxies of one JDBC interface through its proxy class's constructor, found with the first proxy: a
 * connection, a statement and a result set are made on every read, and {@code Proxy.newProxyInstance} looks the
 * proxy class up every time.
 *
 * @param <T> the interface
 */
final class ProxyFactory<T> {

    private final Class<T> type;
    /** Set by the first {@link #create}; a race only looks it up twice. */
    private volatile Constructor<?> constructor;

    ProxyFactory(Class<T> type) {
        this.type = type;
    }

    /** A new proxy implementing the interface whose calls go to {@code handler}. */
    T create(InvocationHandler handler) {
        Constructor<?> known = constructor;
        if (known == null) {
            Object first = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
            try {
                constructor = first.getClass().getConstructor(InvocationHandler.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("A proxy class without the (InvocationHandler) constructor", e);
            }
            return type.cast(first);
        }
        try {
            return type.cast(known.newInstance(handler));
        } catch (InvocationTargetException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("Cannot make a " + type.getSimpleName() + " proxy", e);
        }
    }
}
