package org.publiclegal.education;

import org.publiclegal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.publiclegal.demo.EducationDemo;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.testing.Fixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch path of view reports (ViewingService.importViews, the demo's year of views) writes the same view
 * rows and ledger events as the per-view path for the same reports in the same order.
 */
@QuarkusTest
class ViewImportTest {

    @Inject
    ViewingService viewing;

    @Test
    void theBatchPathWritesTheRowsAndEventsOfThePerViewPathForTheDemoReportsAndRepeatsOfADeviceDay() throws Throwable {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        var lawyer = Fixtures.lawyer(c.lawFirm());
        UUID single = UUID.fromString(EducationFixtures.published(c, lawyer, column, "单条上报的一期"));
        UUID batch = UUID.fromString(EducationFixtures.published(c, lawyer, column, "批量导入的一期"));
        Instant now = TestClock.now().truncatedTo(ChronoUnit.MILLIS);
        // the demo's generator for one episode published 60 days ago (about 160 reports, some repeat a device-day)
        List<ViewingService.ViewReport> reports = new ArrayList<>(EducationDemo.reports(List.of(single),
                List.of(now.minus(60, ChronoUnit.DAYS)), now, new Random(5)));
        // one device-day reported four times out of time order: the first report is the play, progress keeps
        // the highest, the first report at or above 90% completes it, the last report sets last_at
        Instant day = TestClock.today().minusDays(3).atTime(10, 0).atZone(TimeSource.CHINA).toInstant();
        reports.add(new ViewingService.ViewReport(single, "repeat-device", 40, day.plusSeconds(600)));
        reports.add(new ViewingService.ViewReport(single, "repeat-device", 95, day.plusSeconds(60)));
        reports.add(new ViewingService.ViewReport(single, "repeat-device", 20, day.plusSeconds(900)));
        reports.add(new ViewingService.ViewReport(single, "repeat-device", 100, day.plusSeconds(1200)));
        reports.add(new ViewingService.ViewReport(single, "never-completes", 89, day));
        assertTrue(reports.size() > 100, "the demo generator made " + reports.size() + " reports");

        for (ViewingService.ViewReport r : reports) {
            VertxContextSupport.subscribeAndAwait(() -> viewing.view(r.episodeId(), r.deviceId(), r.progress(), r.at()));
        }
        List<ViewingService.ViewReport> same = reports.stream()
                .map(r -> new ViewingService.ViewReport(batch, r.deviceId(), r.progress(), r.at())).toList();
        ViewingService.Imported imported = VertxContextSupport.subscribeAndAwait(() -> viewing.importViews(same));

        List<String> rows = rows(single);
        assertEquals(rows, rows(batch));
        assertEquals(events(single), events(batch));
        long completions = rows.stream().filter(r -> r.endsWith("|true")).count();
        assertTrue(rows.size() < reports.size(), "some reports repeat a device-day");
        assertTrue(completions > 0 && completions < rows.size(), completions + " of " + rows.size());
        assertEquals(new ViewingService.Imported(rows.size(), completions, rows.size() + completions), imported);
        assertEquals(List.of(true), Fixtures.column("""
                        select progress = 100 and first_at = ?2 and last_at = ?3 and completed_at = ?4 from edu_view
                        where episode_id = ?1 and device_id = 'repeat-device'""", Boolean.class, batch,
                day.plusSeconds(600).atOffset(ZoneOffset.UTC), day.plusSeconds(1200).atOffset(ZoneOffset.UTC),
                day.plusSeconds(60).atOffset(ZoneOffset.UTC)));

        // a second import of the same reports adds nothing
        assertEquals(new ViewingService.Imported(0, 0, 0),
                VertxContextSupport.subscribeAndAwait(() -> viewing.importViews(same)));
        assertEquals(events(single), events(batch));
    }

    @Test
    void anUnpublishedEpisodeInABatchIs404AndNothingOfTheBatchIsStored() {
        Fixtures.County c = Fixtures.county();
        String column = EducationFixtures.column(c);
        UUID published = UUID.fromString(EducationFixtures.published(c, Fixtures.lawyer(c.lawFirm()), column, "已发布的一期"));
        UUID unknown = UUID.randomUUID();
        Instant now = TestClock.now();
        List<ViewingService.ViewReport> reports = List.of(new ViewingService.ViewReport(published, "d1", 95, now),
                new ViewingService.ViewReport(unknown, "d1", 95, now));
        NotFound e = assertThrows(NotFound.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> viewing.importViews(reports)));
        assertTrue(e.getMessage().contains(unknown.toString()), e.getMessage());
        assertEquals(List.of(), rows(published));
        assertEquals(List.of(), events(published));
    }

    /** device|day|progress|first_at|last_at|completed_at|completed of the episode's view rows. */
    private static List<String> rows(UUID episode) {
        return Fixtures.column("""
                select device_id || '|' || view_day || '|' || progress || '|' || first_at || '|' || last_at || '|'
                       || coalesce(completed_at::text, '-') || '|' || (completed_at is not null)
                from edu_view where episode_id = ?1 order by device_id, view_day""", String.class, episode);
    }

    /** kind|region|organisation|occurred_at|quantity|source_type of the episode's play and completion events. */
    private static List<String> events(UUID episode) {
        return Fixtures.column("""
                select kind || '|' || region_code || '|' || organisation_id || '|' || occurred_at || '|' || quantity
                       || '|' || source_type
                from ledger_event where source_id = ?1 and kind in ('EDUCATION_VIDEO_PLAY', 'EDUCATION_VIDEO_COMPLETED')
                order by kind, occurred_at""", String.class, episode);
    }
}
