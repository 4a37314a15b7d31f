package org.publiclegal.shared.observability;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Handler;

/**
 * Structured logs for production (issue 16): with {@code app.observability.json-logs=true} (the prod profile)
 * every console line is one JSON object, written by {@link Formatter}, a JBoss LogManager formatter that writes
 * with Jackson (quarkus-logging-json does not resolve at this Quarkus version here):
 *
 * <pre>{"time":"2026-12-02T08:00:00.123+08:00","level":"INFO","logger":"org.publiclegal…","requestId":"…",
 *  "message":"…","thread":"…", …}</pre>
 *
 * <p>The formatter is put on the console handler first thing at start-up ({@code StartupEvent}, priority 1); the
 * lines Quarkus and Flyway write while booting, before that, stay in the plain pattern. {@code requestId}
 * is the MDC key the request-id filter sets; the access log ({@code io.quarkus.http.access-log}) goes through
 * the same handler. Messages are what the code logs: the house rule is to log ids and statuses, never
 * personal data (no names, ID numbers, phones, addresses, narratives, request bodies or tokens).
 */
@ApplicationScoped
public class JsonLogs {

    /** The MDC key of the request id. */
    public static final String REQUEST_ID = "requestId";

    static void onStart(@Observes @Priority(1) StartupEvent event) {
        installIfConfigured();
    }

    static void installIfConfigured() {
        boolean on = ConfigProvider.getConfig().getOptionalValue("app.observability.json-logs", Boolean.class)
                .orElse(false);
        if (on) {
            install(LogContext.getLogContext().getLogger("").getHandlers());
        }
    }

    /** Puts the JSON formatter on every console handler among these (and the handlers they delegate to). */
    static int install(Handler[] handlers) {
        int installed = 0;
        for (Handler h : handlers) {
            if (h instanceof ConsoleHandler console) {
                if (!(console.getFormatter() instanceof Formatter)) {
                    console.setFormatter(new Formatter());
                }
                installed++;
            }
            if (h instanceof ExtHandler ext) {
                installed += install(ext.getHandlers());
            }
        }
        return installed;
    }

    /**
     * One JSON object per record: time, level, logger, thread, requestId (when set), message and, for a throwable,
     * stackTrace. Written with Jackson rather than the LogManager's own {@code JsonFormatter}: that one lives on the
     * boot class path of the packaged app, where Jakarta JSON-P is not visible, and fails at start-up there.
     */
    public static final class Formatter extends ExtFormatter {

        private static final JsonFactory JSON = new JsonFactory();
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
                .withZone(ZoneId.systemDefault());

        @Override
        public String format(ExtLogRecord record) {
            StringWriter out = new StringWriter(256);
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("time", TIME.format(record.getInstant()));
                g.writeStringField("level", record.getLevel().getName());
                g.writeStringField("logger", record.getLoggerName());
                g.writeStringField("thread", record.getThreadName());
                String requestId = record.getMdc(REQUEST_ID);
                if (requestId != null) {
                    g.writeStringField(REQUEST_ID, requestId);
                }
                g.writeStringField("message", formatMessage(record));
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    g.writeStringField("stackTrace", trace.toString());
                }
                g.writeEndObject();
            } catch (IOException e) {
                return "{\"level\":\"ERROR\",\"message\":\"log line could not be written as JSON\"}\n";
            }
            return out.append('\n').toString();
        }
    }
}
