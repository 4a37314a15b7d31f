package org.publiclegal.shared.observability;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.jboss.logmanager.formatters.StructuredFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Handler;

/**
 * Structured logs for production (issue 16): with {@code app.observability.json-logs=true} (the prod profile)
 * every console line is one JSON object, written by the JBoss LogManager's own
 * {@link org.jboss.logmanager.formatters.JsonFormatter} (quarkus-logging-json does not resolve at this Quarkus
 * version here):
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

    /** JBoss LogManager's JSON formatter with short keys and the request id at the top level. */
    public static final class Formatter extends JsonFormatter {

        public Formatter() {
            super(keys());
            setExceptionOutputType(StructuredFormatter.ExceptionOutputType.FORMATTED);
            setDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        }

        private static Map<Key, String> keys() {
            Map<Key, String> keys = new EnumMap<>(Key.class);
            keys.put(Key.TIMESTAMP, "time");
            keys.put(Key.LOGGER_NAME, "logger");
            keys.put(Key.THREAD_NAME, "thread");
            keys.put(Key.STACK_TRACE, "stackTrace");
            return keys;
        }

        @Override
        protected void before(Generator generator, ExtLogRecord record) throws Exception {
            String requestId = record.getMdc(REQUEST_ID);
            if (requestId != null) {
                generator.add(REQUEST_ID, requestId);
            }
        }
    }
}
