package org.publiclegal.education;

import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * 目录版本: the catalogue version and the aggregation generation that the feed's ETag is made of, read from
 * PostgreSQL at most once per {@code maxAge} on each replica ({@code app.education.feed-version-check}; zero reads
 * on every request). A publication, withdrawal or aggregation run therefore shows in the feed of a replica (and
 * changes its ETag) up to {@code maxAge} after it committed: with the default of one second that is well inside the
 * minute ({@code Cache-Control: public, max-age=60}) for which phones and proxies may keep a page anyway. The time
 * is taken before the read, so what is served is never older than {@code maxAge}. When the stamp expires, the
 * requests arriving while it is re-read each read it (a handful, for the length of one primary-key select).
 */
final class FeedVersion {

    /** The two numbers of the ETag. */
    record Stamp(long version, long generation) {
    }

    private record Read(Stamp stamp, Instant at) {
    }

    private final Supplier<Uni<Stamp>> reader;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Read last;

    FeedVersion(Supplier<Uni<Stamp>> reader, Clock clock, Duration maxAge) {
        this.reader = reader;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The stamp read less than {@code maxAge} ago, else a fresh one. */
    Uni<Stamp> current() {
        Instant now = clock.instant();
        Read r = last;
        if (r != null && now.isBefore(r.at().plus(maxAge))) {
            return Uni.createFrom().item(r.stamp());
        }
        return reader.get().invoke(s -> last = new Read(s, now));
    }
}
