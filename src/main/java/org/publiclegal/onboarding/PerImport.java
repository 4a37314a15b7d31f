package org.publiclegal.onboarding;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * What a row handler remembers over one pass of a file (earlier rows' spans, signing days, villages): one value per
 * {@link ImportContext}, which each pass makes anew, dropped with it.
 */
final class PerImport<S> {

    private final Map<ImportContext, S> states = Collections.synchronizedMap(new WeakHashMap<>());
    private final Supplier<S> fresh;

    PerImport(Supplier<S> fresh) {
        this.fresh = fresh;
    }

    S of(ImportContext ctx) {
        return states.computeIfAbsent(ctx, k -> fresh.get());
    }
}
