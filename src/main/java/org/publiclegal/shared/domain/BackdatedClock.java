package org.publiclegal.shared.domain;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The application's clock, which a loader of demo data may set back for its own work only: inside the one Vert.x
 * (duplicated) context a demo loader runs in, after {@link #setFor(Instant)}, every service reading the clock gets that
 * instant, so the demo's year goes through the real services and ledger with the dates it happened on. Everywhere
 * else (every request, every job) the context carries no such mark and the clock is the real one. Nothing taken from
 * a request ever sets it; only the {@code demo} package calls {@link #setFor} (ArchitectureTest).
 */
public final class BackdatedClock extends Clock {

    private static final String KEY = BackdatedClock.class.getName();

    private final Clock delegate;

    private BackdatedClock(Clock delegate) {
        this.delegate = delegate;
    }

    /** The real clock {@code delegate}, unless the current context was set back. */
    public static Clock over(Clock delegate) {
        return delegate instanceof BackdatedClock ? delegate : new BackdatedClock(delegate);
    }

    /**
     * From now on, in the current duplicated Vert.x context only, the clock answers {@code at} (null: the real time
     * again). Refused outside a duplicated context, where the mark would be seen by unrelated work.
     */
    public static void setFor(Instant at) {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            throw new IllegalStateException("a backdated clock needs its own duplicated Vert.x context");
        }
        if (at == null) {
            context.removeLocal(KEY);
        } else {
            context.putLocal(KEY, at);
        }
    }

    /** The instant the current context was set back to, or null. */
    public static Instant backdated() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return null;
        }
        Object at = context.getLocal(KEY);
        return at instanceof Instant i ? i : null;
    }

    @Override
    public Instant instant() {
        Instant at = backdated();
        return at != null ? at : delegate.instant();
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new BackdatedClock(delegate.withZone(zone));
    }
}
