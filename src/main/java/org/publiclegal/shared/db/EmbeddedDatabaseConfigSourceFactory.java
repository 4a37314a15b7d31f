package org.publiclegal.shared.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Supplies the datasource settings of an embedded PostgreSQL when none are configured.
 * <p>
 * If {@code quarkus.datasource.reactive.url} or {@code quarkus.datasource.jdbc.url} is set anywhere
 * (environment, system property, application.properties), nothing is started and this source is empty.
 * Otherwise, unless {@code app.embedded-db.enabled=false}, it starts the embedded server with its data in
 * {@code app.embedded-db.data-dir} (a temporary folder when unset) and points both the reactive URL
 * (Hibernate Reactive) and the JDBC URL (Flyway) at it.
 * <p>
 * Runs when Quarkus builds its runtime configuration, i.e. before Flyway and the connection pools start.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250), so anything set explicitly wins. */
    static final int ORDINAL = 240;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context, "quarkus.datasource.reactive.url") || isSet(context, "quarkus.datasource.jdbc.url")) {
            return List.of();
        }
        if ("false".equalsIgnoreCase(value(context, "app.embedded-db.enabled"))) {
            return List.of();
        }
        String dir = value(context, "app.embedded-db.data-dir");
        String port = value(context, "app.embedded-db.port");
        EmbeddedDatabase.durable(!"false".equalsIgnoreCase(value(context, "app.embedded-db.durable")));
        EmbeddedDatabase.statementStats("true".equalsIgnoreCase(value(context, "app.embedded-db.statement-stats")));
        return List.of(new LazySource(dir == null || dir.isBlank() ? null : Path.of(dir),
                port == null || port.isBlank() ? 0 : Integer.parseInt(port)));
    }

    /**
     * Starts the server on the first read of a datasource property, not when the source is created.
     * It lists only the fixed credentials, not the URLs: Quarkus also builds configuration while augmenting
     * (packaging) the application and reads every listed property there, where no database may be
     * started; at run time the URLs are looked up by name, which reaches {@link #getValue}.
     */
    static final class LazySource implements ConfigSource {
        private static final Set<String> CREDENTIALS = Set.of("quarkus.datasource.username",
                "quarkus.datasource.password");
        private static final Set<String> NAMES = Set.of("quarkus.datasource.reactive.url",
                "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password");
        private final Path dataDir;
        private final int port;

        LazySource(Path dataDir, int port) {
            this.dataDir = dataDir;
            this.port = port;
        }

        @Override
        public Set<String> getPropertyNames() {
            return CREDENTIALS;
        }

        @Override
        public String getValue(String name) {
            if (!NAMES.contains(name)) {
                return null;
            }
            return switch (name) {
                case "quarkus.datasource.username", "quarkus.datasource.password" -> "postgres";
                case "quarkus.datasource.jdbc.url" -> "jdbc:postgresql://" + hostPort();
                default -> "postgresql://" + hostPort();
            };
        }

        private String hostPort() {
            EmbeddedPostgres pg = EmbeddedDatabase.start(dataDir, port);
            return "localhost:" + pg.getPort() + "/postgres";
        }

        @Override
        public String getName() {
            return "embedded-postgresql";
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        String v = value(context, name);
        return v != null && !v.isBlank();
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v == null ? null : v.getValue();
    }
}
