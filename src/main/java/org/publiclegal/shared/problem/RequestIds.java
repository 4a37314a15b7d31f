package org.publiclegal.shared.problem;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id (请求编号) that ties a response, its log lines and a user's report together.
 * <p>
 * A caller (the mini-program, a gateway) may send {@value #HEADER}; it is kept when it is short and made of
 * safe characters ({@code A-Z a-z 0-9 . _ : -}, 1 to 64), otherwise a fresh random UUID is used instead (a
 * hostile value never reaches a log line or a header). The id is returned in {@value #HEADER} on every
 * response, is in the logging MDC under {@value #MDC_KEY} for every log line written while the request is
 * handled (the JSON log formatter reads it from there) and is the {@code instance} of every problem body
 * ({@code urn:request:<id>}).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key: the agreed interface with the log formatters. */
    public static final String MDC_KEY = "requestId";
    static final int MAX_LENGTH = 64;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");
    private static final String URN = "urn:request:";

    private RequestIds() {
    }

    /** The caller's id when it is acceptable, otherwise a new one. */
    public static String accept(String offered) {
        return isAcceptable(offered) ? offered : UUID.randomUUID().toString();
    }

    static boolean isAcceptable(String offered) {
        return offered != null && SAFE.matcher(offered).matches();
    }

    /** The id of the request being handled on this context, or {@code null} outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** The problem {@code instance} for a request id: {@code urn:request:<id>}. */
    public static String instance(String id) {
        return id == null ? null : URN + id;
    }
}
