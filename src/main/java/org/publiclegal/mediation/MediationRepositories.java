package org.publiclegal.mediation;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/**
 * TEMPORARY aliases of the mediation repositories, one per file now, kept only because {@code DisputeService} and
 * {@code DisputeQueries} (being reworked on the {@code perf} branch) still import the old nested names. After
 * merging {@code perf}: change their imports to {@link DisputeRepository}, {@link PartyRepository},
 * {@link MediationStepRepository}, {@link MessageRepository} and {@link AgreementRepository}, and delete this file.
 * Each alias is its own bean, typed only as the alias, so injecting the real repository is never ambiguous.
 */
public final class MediationRepositories {

    private MediationRepositories() {
    }

    /** Use {@link DisputeRepository}. */
    @ApplicationScoped
    @Typed(Disputes.class)
    @Unremovable
    public static class Disputes extends DisputeRepository {
    }

    /** Use {@link PartyRepository}. */
    @ApplicationScoped
    @Typed(Parties.class)
    @Unremovable
    public static class Parties extends PartyRepository {
    }

    /** Use {@link MediationStepRepository}. */
    @ApplicationScoped
    @Typed(Steps.class)
    @Unremovable
    public static class Steps extends MediationStepRepository {
    }

    /** Use {@link MessageRepository}. */
    @ApplicationScoped
    @Typed(Messages.class)
    @Unremovable
    public static class Messages extends MessageRepository {
    }

    /** Use {@link AgreementRepository}. */
    @ApplicationScoped
    @Typed(Agreements.class)
    @Unremovable
    public static class Agreements extends AgreementRepository {
    }
}
