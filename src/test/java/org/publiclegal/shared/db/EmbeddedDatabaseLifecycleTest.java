package org.publiclegal.shared.db;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded-or-external decision and the data folder's reuse, without Quarkus. */
class EmbeddedDatabaseLifecycleTest {

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new io.smallrye.config.PropertiesConfigSource(values, "test", 300))
                .withSources(new EmbeddedDatabaseConfigSourceFactory())
                .build();
    }

    @Test
    void anExternalDatasourceStartsNothing() {
        SmallRyeConfig config = config(Map.of("quarkus.datasource.reactive.url", "postgresql://db.example:5432/app",
                "app.embedded-db.data-dir", "/nonexistent/never-created"));
        assertEquals("postgresql://db.example:5432/app", config.getRawValue("quarkus.datasource.reactive.url"));
        assertEquals(null, config.getRawValue("quarkus.datasource.jdbc.url"));
        assertFalse(EmbeddedDatabase.isRunning());
    }

    @Test
    void listingTheConfigurationStartsNothing() {
        // Quarkus reads every listed property while packaging the application: the URLs must not be listed
        SmallRyeConfig config = config(Map.of("app.embedded-db.data-dir", "/nonexistent/never-created"));
        for (String name : config.getPropertyNames()) {
            assertFalse(name.endsWith(".url"), name);
        }
        assertEquals("postgres", config.getRawValue("quarkus.datasource.username"));
        assertFalse(EmbeddedDatabase.isRunning());
    }

    @Test
    void disabledEmbeddedDatabaseStartsNothing() {
        SmallRyeConfig config = config(Map.of("app.embedded-db.enabled", "false"));
        assertEquals(null, config.getRawValue("quarkus.datasource.reactive.url"));
        assertFalse(EmbeddedDatabase.isRunning());
    }

    @Test
    void aSecondStartReusesTheDataFolder(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        try {
            SmallRyeConfig first = config(Map.of("app.embedded-db.data-dir", data.toString()));
            String jdbc = first.getRawValue("quarkus.datasource.jdbc.url");
            assertTrue(jdbc.startsWith("jdbc:postgresql://localhost:"), jdbc);
            assertEquals("postgresql://" + jdbc.substring("jdbc:postgresql://".length()),
                    first.getRawValue("quarkus.datasource.reactive.url"));
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
                c.createStatement().execute("create table kept (v text); insert into kept values ('survives')");
            }
            EmbeddedDatabase.stop();
            assertFalse(EmbeddedDatabase.isRunning());

            SmallRyeConfig second = config(Map.of("app.embedded-db.data-dir", data.toString()));
            try (Connection c = DriverManager.getConnection(second.getRawValue("quarkus.datasource.jdbc.url"),
                    "postgres", "postgres"); ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
                assertTrue(rs.next());
                assertEquals("survives", rs.getString(1));
            }
        } finally {
            EmbeddedDatabase.stop();
        }
    }
}
