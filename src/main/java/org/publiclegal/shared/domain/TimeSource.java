package org.publiclegal.shared.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import io.quarkus.arc.DefaultBean;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The one {@link Clock} every deadline and timestamp comes from (the real time, which only a demo loader may set back
 * for its own work: {@link BackdatedClock}); tests replace it.
 */
@ApplicationScoped
public class TimeSource {

    /** Legal deadlines are counted in China Standard Time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return BackdatedClock.over(Clock.system(CHINA));
    }
}
