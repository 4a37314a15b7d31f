package org.publiclegal.legalaid;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import org.publiclegal.shared.config.AppConfig;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * 视为撤回: applications whose materials were not supplied by the notice's deadline.
 * <p>
 * Safe with several replicas: a run works in small batches ({@code app.legalaid.deadline-job-batch}), each in its
 * own transaction that first claims its applications with {@code FOR UPDATE SKIP LOCKED}, so two replicas never
 * take the same application (no optimistic-lock failure, nothing written twice) and share the work instead of
 * waiting on each other. The run ends when a batch claims nothing; it logs how many this instance handled.
 */
@ApplicationScoped
public class DeadlineJobs {

    private static final String CLAIM = """
            select a.id from aid_application a
            where a.status = 'MATERIALS_REQUESTED' and a.materials_due_at < :now
            order by a.materials_due_at, a.id limit :batch for update skip locked""";

    /** Keeps "my matters" and the notices up to date (issue 11). */
    @jakarta.inject.Inject
    org.publiclegal.notification.MatterUpdates matters;

    private final ApplicationRepository applications;
    private final StepRepository steps;
    private final AppConfig config;
    private final Clock clock;

    public DeadlineJobs(ApplicationRepository applications, StepRepository steps, AppConfig config, Clock clock) {
        this.applications = applications;
        this.steps = steps;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${app.legalaid.deadline-job-every:10m}", delayed = "${app.legalaid.deadline-job-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return deemOverdueWithdrawn().replaceWithVoid();
    }

    /** Every application overdue now, batch by batch; answers how many this instance deemed withdrawn. */
    public Uni<Integer> deemOverdueWithdrawn() {
        Instant now = clock.instant();
        return drain(now, 0).invoke(n -> {
            if (n > 0) {
                Log.infof("Deadline job: %d legal aid applications deemed withdrawn by this instance "
                        + "(materials not supplied in time)", n);
            }
        });
    }

    private Uni<Integer> drain(Instant now, int sofar) {
        return Panache.withTransaction(() -> claim(now).chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(0)
                        : applications.list("id in ?1", ids).chain(list -> withdraw(list, now))))
                .chain(n -> n == 0 ? Uni.createFrom().item(sofar) : drain(now, sofar + n));
    }

    private Uni<List<UUID>> claim(Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CLAIM, UUID.class)
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("batch", config.legalaid().deadlineJobBatch())
                .getResultList());
    }

    private Uni<Integer> withdraw(List<LegalAidApplication> claimed, Instant now) {
        return Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndConcatenate(a -> {
                    a.deemWithdrawn(now);
                    List<ApplicationStep> taken = a.drainSteps();
                    taken.forEach(step -> step.actorRole = "SYSTEM");
                    // persist answers a null item, which a Multi drops: count the application instead
                    return steps.persist(taken.stream()).call(() -> matters.legalAid(a)).replaceWith(a);
                })
                .collect().asList().map(List::size);
    }
}
