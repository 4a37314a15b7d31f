package org.publiclegal.shared.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.MDC;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16: in the prod profile every log line is one JSON object with time, level, logger, requestId, message. */
class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theProdProfileSwitchesJsonLogsOnAndTheOthersDoNot() throws Exception {
        var url = getClass().getClassLoader().getResource("application.properties");
        for (String profile : new String[]{"prod", "dev", "test"}) {
            SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile(profile)
                    .withSources(new PropertiesConfigSource(url, 250)).build();
            boolean on = config.getOptionalValue("app.observability.json-logs", Boolean.class).orElse(false);
            assertEquals(profile.equals("prod"), on, profile);
        }
    }

    @Test
    void aLineThroughTheInstalledConsoleHandlerParsesAsJson() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleHandler console = new ConsoleHandler();
        console.setOutputStream(out);
        console.setAutoFlush(true);
        assertEquals(1, JsonLogs.install(new Handler[]{console}));
        assertEquals(1, JsonLogs.install(new Handler[]{console}), "installing twice keeps one formatter");

        LogContext context = LogContext.create();
        Logger logger = context.getLogger("org.publiclegal.legalaid.ApplicationService");
        logger.setUseParentHandlers(false);
        logger.addHandler(console);
        MDC.put(JsonLogs.REQUEST_ID, "req-123");
        try {
            logger.info("Application 42 \"granted\"\nsecond line");
            logger.log(org.jboss.logmanager.Level.WARN, "Roll-up failed", new IllegalStateException("database away"));
        } finally {
            MDC.remove(JsonLogs.REQUEST_ID);
        }

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length, "one line per record, also with a newline in the message and a stack trace");
        JsonNode first = JSON.readTree(lines[0]);
        assertEquals("INFO", first.get("level").asText());
        assertEquals("org.publiclegal.legalaid.ApplicationService", first.get("logger").asText());
        assertEquals("req-123", first.get("requestId").asText());
        assertEquals("Application 42 \"granted\"\nsecond line", first.get("message").asText());
        assertTrue(first.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-Z].*"),
                first.get("time").asText());
        JsonNode second = JSON.readTree(lines[1]);
        assertEquals("WARN", second.get("level").asText());
        assertTrue(second.get("stackTrace").asText().contains("database away"));
    }

    @Test
    void withoutARequestTheKeyIsLeftOut() throws Exception {
        JsonLogs.Formatter f = new JsonLogs.Formatter();
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "started", getClass().getName());
        record.setLoggerName("io.quarkus");
        JsonNode line = JSON.readTree(f.format(record));
        assertFalse(line.has("requestId"));
        assertEquals("started", line.get("message").asText());
    }
}
