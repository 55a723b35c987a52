package dev.starterkit.db;

import dev.starterkit.db.connect.ConnectionSettings;
import dev.starterkit.db.connect.Connector;
import dev.starterkit.db.connect.SharedConnection;
import dev.starterkit.db.connect.SharedConnectionDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * The data layer of one execution environment: its one shared connection, the {@code direct} data source over it,
 * and the Micronaut context in which the compile-time generated repositories live. Create one per execution
 * environment (a Lambda handler's static or constructor scope) and close it at shutdown.
 */
public final class DataLayer implements AutoCloseable {

    /** Bean name of the data source whose every statement goes to PostgreSQL. */
    public static final String DIRECT = "direct";

    private final SharedConnection connection;
    private final SharedConnectionDataSource direct;
    private final ApplicationContext context;

    private DataLayer(SharedConnection connection) {
        this.connection = connection;
        this.direct = new SharedConnectionDataSource(connection);
        this.context = ApplicationContext.builder()
            .deduceEnvironment(false)
            .deduceCloudEnvironment(false)
            .enableDefaultPropertySources(false)
            .banner(false)
            .properties(java.util.Map.of(
                "datasources." + DIRECT + ".dialect", "POSTGRES",
                "datasources." + DIRECT + ".schema-generate", "NONE"))
            .build();
        context.registerSingleton(DataSource.class, direct, Qualifiers.byName(DIRECT));
        context.start();
    }

    /** A data layer that connects lazily with {@code settings}. */
    public static DataLayer open(ConnectionSettings settings) {
        return new DataLayer(new SharedConnection(settings, Connector.jdbc()));
    }

    /** A data layer over a connection made elsewhere (tests pass counting or failing connectors). */
    public static DataLayer open(SharedConnection connection) {
        return new DataLayer(connection);
    }

    /** The {@code direct} data source. */
    public DataSource direct() {
        return direct;
    }

    /** The execution environment's one physical connection. */
    public SharedConnection connection() {
        return connection;
    }

    /** Transactions on the {@code direct} data source, for work that must commit as a whole. */
    @SuppressWarnings("unchecked")
    public TransactionOperations<Connection> transactions() {
        return context.getBean(TransactionOperations.class, Qualifiers.byName(DIRECT));
    }

    /** A repository bean, e.g. {@code repository(DirectUserRepository.class)}. */
    public <T> T repository(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
        connection.close();
    }
}
