package org.publiclegal.legalaid;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import org.publiclegal.shared.config.AppConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** 视为撤回: applications whose materials were not supplied by the notice's deadline. */
@ApplicationScoped
public class DeadlineJobs {

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

    @Scheduled(every = "${app.legalaid.deadline-job-every:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    public Uni<Void> deemOverdueWithdrawn() {
        Instant now = clock.instant();
        return applications.materialsOverdue(now, config.legalaid().deadlineJobBatch()).chain(list -> Multi.createFrom().iterable(list)
                .onItem().transformToUniAndConcatenate(a -> {
                    a.deemWithdrawn(now);
                    List<ApplicationStep> taken = a.drainSteps();
                    taken.forEach(step -> step.actorRole = "SYSTEM");
                    return steps.persist(taken.stream()).call(() -> matters.legalAid(a));
                }).collect().asList().map(done -> done.size()))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("%d legal aid applications deemed withdrawn (materials not supplied in time)", n);
                    }
                })
                .replaceWithVoid();
    }
}
