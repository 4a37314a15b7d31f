package org.publiclegal.shared.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits checked on every request before it reaches a resource, so that the refusal is a problem body.
 * The HTTP layer's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size})
 * are set well above these: past them the connection layer answers with a bare status line.
 */
@ConfigMapping(prefix = "app.limits")
public interface EdgeLimits {

    /** Longest request target (path and query) in characters; longer is 414 URI_TOO_LONG. */
    @WithDefault("4096")
    int maxUrlLength();

    /** Largest total of the request's header names and values in bytes; larger is 431. */
    @WithDefault("20480")
    int maxHeaderBytes();

    /** Seconds a client is told to wait (Retry-After) when the database is unreachable (503). */
    @WithDefault("5")
    int retryAfterSeconds();
}
