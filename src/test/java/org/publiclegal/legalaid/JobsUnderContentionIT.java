package org.publiclegal.legalaid;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiclegal.education.EducationEvents;
import org.publiclegal.testing.Replicas;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19 item 5: the scheduled jobs under contention, with real replicas. Two instances of the packaged service
 * start 0.35 s apart on one PostgreSQL in which a few thousand items are already due: legal-aid applications whose
 * materials are overdue (视为撤回), and 普法 video plays for the ledger roll-up and the view aggregation; the advisor
 * coverage sync runs every two seconds too. Every item must be acted on exactly once, what the two instances log
 * they did must add up, and neither log may contain an ERROR or a blocked-thread warning.
 */
class JobsUnderContentionIT {

    private static final int OVERDUE = 2000;
    private static final int PLAYS = 3000;
    private static final int EPISODES = 10;
    private static final String REGION = "990000000000";

    private static Replicas replicas;
    private static final List<Replicas.Instance> instances = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        replicas = Replicas.start(Path.of("target", "jobs-it"));
        replicas.migrate();
        plant();
        List<String> often = List.of("app.legalaid.deadline-job-every=2s", "app.legalaid.deadline-job-delay=1s",
                "app.reporting.rollup-every=1s", "app.education.aggregate-every=1s",
                "app.advisory.coverage-cron=0/2 * * * * ?",
                "app.notifications.reminders-every=off", "app.notifications.deliver-every=off",
                "app.notifications.wechat-delivery=false");
        instances.add(replicas.launch("a", often));
        Thread.sleep(350); // the second replica starts 0.35 s after the first, as in the issue
        instances.add(replicas.launch("b", often));
        for (Replicas.Instance i : instances) {
            replicas.awaitReady(i, Duration.ofSeconds(90));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void everyDueItemIsActedOnOnceByTwoInstancesWithoutErrorsOrBlockedThreads() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline) && !(withdrawn() == OVERDUE
                && replicas.scalar("select rolled_up from ledger_rollup_state") == PLAYS
                && replicas.scalar("select aggregated from edu_aggregation_state") == PLAYS)) {
            Thread.sleep(500); // polling other processes; nothing to await in this JVM
        }
        Thread.sleep(3000); // a few more runs of every job on both instances: they must find nothing left

        assertEquals(OVERDUE, withdrawn(), "every overdue application deemed withdrawn");
        assertEquals(0, replicas.scalar("select count(*) from aid_application where status = 'MATERIALS_REQUESTED'"));
        assertEquals(OVERDUE, replicas.scalar("select count(*) from aid_application_step where action = 'deem-withdrawn'"),
                "exactly one step per application");
        assertEquals(OVERDUE, replicas.scalar("select count(distinct application_id) from aid_application_step "
                + "where action = 'deem-withdrawn'"));

        assertEquals(PLAYS, replicas.scalar("select rolled_up from ledger_rollup_state"), "each event rolled up once");
        assertEquals(PLAYS, replicas.scalar("select coalesce(sum(events), 0) from ledger_rollup where region_code = '"
                + REGION + "' and kind = '" + EducationEvents.PLAY + "'"));
        assertEquals(PLAYS, replicas.scalar("select aggregated from edu_aggregation_state"), "each play aggregated once");
        assertEquals(PLAYS, replicas.scalar("select coalesce(sum(plays), 0) from edu_episode_stats"));
        assertEquals(PLAYS, replicas.scalar("select coalesce(sum(plays), 0) from edu_episode_daily"));

        long withdrawnPerLogs = 0;
        long rolledPerLogs = 0;
        long aggregatedPerLogs = 0;
        for (Replicas.Instance i : instances) {
            String log = i.log();
            long w = sum(log, "Deadline job: (\\d+) legal aid applications deemed withdrawn by this instance");
            long r = sum(log, "Ledger roll-up: (\\d+) ledger events rolled up by this instance");
            long v = sum(log, "Video view aggregation: (\\d+) play/completion events added by this instance");
            System.out.printf("instance %s: %d applications deemed withdrawn, %d ledger events rolled up, "
                    + "%d video events aggregated; alarms: %s%n", i.name(), w, r, v, i.alarms());
            assertEquals(List.of(), i.alarms(), "no ERROR and no blocked thread in instance " + i.name() + "'s log");
            withdrawnPerLogs += w;
            rolledPerLogs += r;
            aggregatedPerLogs += v;
        }
        assertEquals(OVERDUE, withdrawnPerLogs, "what the instances say they withdrew adds up");
        assertEquals(PLAYS, rolledPerLogs, "what the instances say they rolled up adds up");
        assertEquals(PLAYS, aggregatedPerLogs, "what the instances say they aggregated adds up");
        assertTrue(instances.stream().allMatch(i -> i.process().isAlive()));
    }

    private static long withdrawn() throws Exception {
        return replicas.scalar("select count(*) from aid_application where status = 'DEEMED_WITHDRAWN'");
    }

    private static long sum(String log, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(log);
        long total = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    /** A centre, residents with applications whose materials were due yesterday, published episodes and their plays. */
    private static void plant() throws Exception {
        try (Connection c = replicas.connection()) {
            c.setAutoCommit(false);
            UUID centre = UUID.randomUUID();
            UUID officer = UUID.randomUUID();
            UUID column = UUID.randomUUID();
            try (Statement s = c.createStatement()) {
                s.execute("insert into region (code, parent_code, level, name) values ('" + REGION + "', null, 'PROVINCE', '测试省')");
                s.execute("insert into organisation (id, type, name, region_code, created_at) values ('" + centre
                        + "', 'LEGAL_AID_CENTRE', '测试法律援助中心', '" + REGION + "', now())");
                s.execute("insert into account (id, kind, roles, organisation_id, region_code, created_at) values ('"
                        + officer + "', 'STAFF', 'AID_OFFICER', '" + centre + "', '" + REGION + "', now())");
                s.execute("insert into edu_column (id, name, organisation_id, region_code, created_by, created_at, version) "
                        + "values ('" + column + "', '测试栏目', '" + centre + "', '" + REGION + "', '" + officer + "', now(), 0)");
            }
            List<UUID> episodes = new ArrayList<>();
            try (PreparedStatement ep = c.prepareStatement("insert into edu_episode (id, column_id, episode_no, status, title, "
                    + "summary, topics, law_refs, duration_seconds, video_path, presenter_name, presenter_title, region_code, "
                    + "search_title, search_text, search_grams, author_id, created_at, updated_at, published_at, version) "
                    + "values (?, ?, ?, 'PUBLISHED', '测试节目', '测试', '{}', '{}', 60, 'it/v.mp4', '张律师', '律师', ?, "
                    + "'测试节目', '测试', '{}', ?, now(), now(), now(), 0)")) {
                for (int i = 0; i < EPISODES; i++) {
                    UUID id = UUID.randomUUID();
                    episodes.add(id);
                    ep.setObject(1, id);
                    ep.setObject(2, column);
                    ep.setInt(3, i + 1);
                    ep.setString(4, REGION);
                    ep.setObject(5, officer);
                    ep.addBatch();
                }
                ep.executeBatch();
            }
            try (PreparedStatement play = c.prepareStatement("insert into ledger_event (kind, region_code, occurred_at, "
                    + "quantity, source_type, source_id, recorded_at) values (?, ?, now(), 1, ?, ?, now())")) {
                for (int i = 0; i < PLAYS; i++) {
                    play.setString(1, EducationEvents.PLAY);
                    play.setString(2, REGION);
                    play.setString(3, EducationEvents.SOURCE);
                    play.setObject(4, episodes.get(i % EPISODES));
                    play.addBatch();
                }
                play.executeBatch();
            }
            try (PreparedStatement acc = c.prepareStatement("insert into account (id, kind, roles, wechat_openid, created_at) "
                    + "values (?, 'RESIDENT', 'RESIDENT', ?, now())");
                 PreparedStatement app = c.prepareStatement("insert into aid_application (id, reference, applicant_id, "
                         + "region_code, centre_id, matter, service_type, summary_cipher, key_id, status, created_at, "
                         + "materials_requested, materials_due_at, current_due_at) values (?, ?, ?, ?, ?, "
                         + "'LABOUR_RELATIONSHIP_OR_WAGES', 'LABOUR_MEDIATION_ARBITRATION', 'x', 'local1', "
                         + "'MATERIALS_REQUESTED', now() - interval '20 days', true, now() - interval '1 day', "
                         + "now() - interval '1 day')")) {
                for (int i = 0; i < OVERDUE; i++) {
                    UUID resident = UUID.randomUUID();
                    acc.setObject(1, resident);
                    acc.setString(2, "it-" + resident);
                    acc.addBatch();
                    app.setObject(1, UUID.randomUUID());
                    app.setString(2, "IT-JOB-" + i);
                    app.setObject(3, resident);
                    app.setString(4, REGION);
                    app.setObject(5, centre);
                    app.addBatch();
                }
                acc.executeBatch();
                app.executeBatch();
            }
            c.commit();
        }
    }
}
