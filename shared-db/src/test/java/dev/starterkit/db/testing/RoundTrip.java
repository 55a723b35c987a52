package dev.starterkit.db.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Saves, reads, updates and deletes one entity through a repository, asserting what every caller relies on: a row
 * reads back equal to what was saved, an update bumps {@code updatedAt} and keeps {@code createdAt}, a delete
 * removes it. Properties are reached through the entity's introspection, as Micronaut Data does.
 */
public final class RoundTrip {

    /** An {@code updatedAt} far in the past, so that an update that did not bump it would be noticed. */
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    private RoundTrip() {
    }

    /**
     * Runs the round trip.
     *
     * @param repository the repository under test
     * @param fresh a new entity from its factory
     * @param change a change to make before the update, e.g. {@code u -> u.withName("x")}
     * @return the entity as stored after the update, before the delete
     */
    public static <E> E check(CrudRepository<E, String> repository, E fresh, UnaryOperator<E> change) {
        @SuppressWarnings("unchecked")
        BeanIntrospection<E> introspection = BeanIntrospection.getIntrospection((Class<E>) fresh.getClass());
        BeanProperty<E, Object> id = introspection.getRequiredProperty("id", Object.class);
        BeanProperty<E, Object> createdAt = introspection.getRequiredProperty("createdAt", Object.class);
        BeanProperty<E, Object> updatedAt = introspection.getRequiredProperty("updatedAt", Object.class);
        String key = (String) id.get(fresh);

        E saved = repository.save(fresh);
        assertThat(repository.findById(key)).as("read after save").contains(saved);

        E stale = updatedAt.withValue(change.apply(saved), LONG_AGO);
        E updated = repository.update(stale);
        E reloaded = repository.findById(key).orElseThrow();
        assertThat(reloaded).as("read after update").isEqualTo(updated);
        assertThat(reloaded).as("the change is stored").isEqualTo(updatedAt.withValue(change.apply(saved),
            updatedAt.get(reloaded)));
        assertThat((Instant) updatedAt.get(reloaded)).as("updatedAt").isAfter((Instant) updatedAt.get(saved));
        assertThat(createdAt.get(reloaded)).as("createdAt").isEqualTo(createdAt.get(saved));

        repository.deleteById(key);
        assertThat(repository.findById(key)).as("read after delete").isEmpty();
        assertThat(repository.existsById(key)).isFalse();
        return reloaded;
    }
}
