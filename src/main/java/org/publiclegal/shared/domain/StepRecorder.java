package org.publiclegal.shared.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The plumbing every case state machine shares ({@code LegalAidApplication}, {@code Dispute}): refuse an act the
 * current status does not allow, naming the acts that are allowed ({@link IllegalTransition}, 409), and record
 * each move as a timeline step the service writes in the same transaction.
 *
 * @param <S> the status enum
 * @param <T> the feature's timeline step entity
 */
public final class StepRecorder<S extends Enum<S>, T> {

    /** Makes the feature's step entity for one move. */
    @FunctionalInterface
    public interface StepFactory<S, T> {
        T step(String action, S from, S to, Instant at, String note);
    }

    private final String what;
    private final StepFactory<S, T> factory;
    private final List<T> pending = new ArrayList<>();

    /** @param what the case as named in the refusal ("法律援助申请", "调解案件") */
    public StepRecorder(String what, StepFactory<S, T> factory) {
        this.what = what;
        this.factory = factory;
    }

    /**
     * Refuses {@code action} unless {@code current} is one of {@code allowed} and the case is not {@code closed}
     * (e.g. archived); the refusal lists {@code allowedActions}, computed only then.
     */
    @SafeVarargs
    public final void require(S current, String action, boolean closed, Supplier<List<String>> allowedActions,
                              S... allowed) {
        if (closed || !Set.of(allowed).contains(current)) {
            throw new IllegalTransition(what, current, action, allowedActions.get());
        }
    }

    /** Records the move from {@code from} to {@code to} and returns {@code to}, the new status. */
    public S move(String action, S from, S to, Instant at, String note) {
        pending.add(factory.step(action, from, to, at, note));
        return to;
    }

    /** The step the last move produced, or null. */
    public T last() {
        return pending.isEmpty() ? null : pending.get(pending.size() - 1);
    }

    /** Takes the steps recorded since the last call, in order. */
    public List<T> drain() {
        List<T> steps = List.copyOf(pending);
        pending.clear();
        return steps;
    }
}
