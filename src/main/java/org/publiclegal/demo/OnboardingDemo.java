package org.publiclegal.demo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.onboarding.ImportJob;
import org.publiclegal.onboarding.ImportKind;
import org.publiclegal.onboarding.ImportService;
import org.publiclegal.onboarding.ImportStore;
import org.publiclegal.onboarding.Templates;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 导入 in the demo: {@code office1} (云鹤镇司法所) imported last year's 矛盾纠纷排查台账 of its seven villages (one
 * round a month each, 84 rows, through the template), so last year's annual report of 云鹤镇 shows 84 screenings; and
 * uploaded a second file with mistakes (a village of another township, a date that is not a day, a repeated row),
 * whose dry run lists every problem and which was never confirmed. {@code GET /api/imports} as {@code office1} or
 * {@code bureau}; templates at {@code GET /api/imports/templates}. Once only; the last step of {@link DemoLoader}.
 */
@ApplicationScoped
public class OnboardingDemo {

    private final AppConfig config;
    private final ImportService imports;
    private final ImportStore store;
    private final Clock clock;

    public OnboardingDemo(AppConfig config, ImportService imports, ImportStore store, Clock clock) {
        this.config = config;
        this.imports = imports;
        this.store = store;
        this.clock = clock;
    }

    void load() throws Throwable {
        if (!config.demo().enabled()) {
            return;
        }
        Long existing = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select count(*) from onboarding_import where scope_region like :t", Long.class)
                        .setParameter("t", DemoData.COUNTY.substring(0, 6) + "%").getSingleResult())));
        if (existing > 0) {
            return;
        }
        AccessScope office = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> DemoActivity.staff("office1")));
        Actor actor = new Actor(office.accountId(), String.join(",", office.roles()), null);
        int year = LocalDate.now(clock.withZone(TimeSource.CHINA)).getYear() - 1;

        List<List<String>> rows = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            for (int v = 0; v < 7; v++) {
                rows.add(List.of(LocalDate.of(year, month, 5 + v).toString(), DemoData.village(0, v), "村委会及各村民小组",
                        String.valueOf(20 + v * 3 + month), String.valueOf((month + v) % 3), (month + v) % 5 == 0 ? "中" : "低",
                        ""));
            }
        }
        // the workbooks are made here, on the start-up thread, not on the event loop
        byte[] historyFile = Templates.xlsx(ImportKind.SCREENINGS, rows);
        UUID history = VertxContextSupport.subscribeAndAwait(() -> imports.upload(new ImportService.Upload(
                ImportKind.SCREENINGS, "云鹤镇" + year + "年矛盾纠纷排查台账.xlsx", historyFile), office, actor)).id();
        waitFor(history, ImportJob.Status.VALIDATED);
        VertxContextSupport.subscribeAndAwait(() -> imports.confirm(history, office, actor));

        List<List<String>> faulty = List.of(
                List.of(year + "-03-08", DemoData.village(0, 1), "村委会", "18", "1", "低", ""),
                List.of(year + "-03-09", DemoData.village(1, 0), "村委会", "22", "0", "低", ""),
                List.of(year + "-02-30", DemoData.village(0, 2), "村委会", "15", "2", "很高", ""),
                List.of(year + "-03-08", DemoData.village(0, 1), "村委会", "18", "1", "低", ""));
        byte[] faultyFile = Templates.xlsx(ImportKind.SCREENINGS, faulty);
        UUID rejected = VertxContextSupport.subscribeAndAwait(() -> imports.upload(new ImportService.Upload(
                ImportKind.SCREENINGS, "云鹤镇排查台账（待修改）.xlsx", faultyFile), office, actor)).id();
        waitFor(history, ImportJob.Status.DONE);
        waitFor(rejected, ImportJob.Status.REJECTED);
        Log.infof("Demo onboarding: office1 imported %d screening rounds of %d (import %s); a file with mistakes was "
                + "checked and rejected (import %s)", rows.size(), year, history, rejected);
    }

    private void waitFor(UUID id, ImportJob.Status status) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ImportJob job = store.find(id).await().indefinitely();
            if (job.status() == status) {
                return;
            }
            if (job.status() == ImportJob.Status.REJECTED || job.status() == ImportJob.Status.FAILED) {
                Log.warnf("Demo onboarding: import %s ended %s (%s)", id, job.status(), job.failure());
                return;
            }
            Thread.sleep(100);
        }
        Log.warnf("Demo onboarding: import %s not %s after a minute", id, status);
    }
}
