package org.publiclegal.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Replicas;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly once across replicas, with real replicas: one embedded PostgreSQL, two {@code java -jar
 * quarkus-run.jar} processes of the packaged service pointed at it, and a local WeChat stub. A few thousand due
 * items are planted at once; both instances run the reminder job and the outbox delivery. Every reminder must be
 * written once, every 订阅消息 must reach the stub once, the access token must be fetched once, and neither log may
 * contain an ERROR or a blocked-thread warning.
 */
class TwoReplicasIT {

    private static final int RESIDENT_REMINDERS = 1500;
    private static final int STAFF_REMINDERS = 1000;
    private static final Path LOGS = Path.of("target", "replicas-it");

    private static Replicas replicas;
    private static WireMockServer wechat;
    private static final List<Replicas.Instance> instances = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        replicas = Replicas.start(LOGS);
        wechat = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wechat.start();
        wechat.stubFor(get(urlPathEqualTo("/cgi-bin/token")).willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody("{\"access_token\":\"IT-TOKEN\",\"expires_in\":7200}").withFixedDelay(300)));
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .willReturn(aResponse().withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        // the first instance migrates the schema; the second starts against it
        for (String name : List.of("a", "b")) {
            Replicas.Instance i = replicas.launch(name, List.of(
                    "quarkus.rest-client.wechat.url=" + wechat.baseUrl(),
                    "app.notifications.templates.ACTION_REMINDER=tpl-it",
                    "app.notifications.reminders-every=2s", "app.notifications.deliver-every=1s",
                    "app.notifications.delivery-batch=100",
                    "app.reporting.rollup-every=off", "app.education.aggregate-every=off", "app.advisory.coverage-cron=off"));
            instances.add(i);
            replicas.awaitReady(i, Duration.ofSeconds(90));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (wechat != null) {
            wechat.stop();
        }
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void everyReminderAndEveryWeChatMessageIsDeliveredOnceByTwoInstances() throws Exception {
        List<String> openids = plant();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(100));
        while (Instant.now().isBefore(deadline) && !(reminders() == RESIDENT_REMINDERS + STAFF_REMINDERS
                && scalar("select count(*) from ntf_outbox where status = 'SENT'") == RESIDENT_REMINDERS)) {
            Thread.sleep(1000); // polling another process; nothing to await in this JVM
        }

        assertEquals(RESIDENT_REMINDERS + STAFF_REMINDERS, reminders(), "one reminder row per due item");
        assertEquals(0, scalar("select count(*) from (select subject_id from ntf_notice where kind = 'ACTION_REMINDER' "
                + "group by recipient_id, subject_id having count(*) > 1) d"), "no resident reminded twice");
        assertEquals(RESIDENT_REMINDERS, scalar("select count(*) from ntf_notice where kind = 'ACTION_REMINDER'"));
        assertEquals(STAFF_REMINDERS, scalar("select count(*) from ntf_notice where kind = 'DEADLINE_APPROACHING'"),
                "the centre's officer: one notice per application");
        assertEquals(RESIDENT_REMINDERS, scalar("select count(*) from ntf_outbox where status = 'SENT'"));

        List<LoggedRequest> sends = wechat.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send")));
        Map<String, Integer> perUser = new HashMap<>();
        Pattern touser = Pattern.compile("\"touser\":\"([^\"]+)\"");
        for (LoggedRequest r : sends) {
            Matcher m = touser.matcher(r.getBodyAsString());
            assertTrue(m.find());
            perUser.merge(m.group(1), 1, Integer::sum);
        }
        assertEquals(RESIDENT_REMINDERS, sends.size(), "each 订阅消息 reached WeChat once");
        assertEquals(RESIDENT_REMINDERS, perUser.size());
        assertTrue(perUser.keySet().containsAll(openids));
        assertEquals(1, wechat.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/cgi-bin/token"))).size(), "the access token was fetched once for both instances");

        long sentByMetrics = 0;
        for (Replicas.Instance i : instances) {
            sentByMetrics += Replicas.metric(i, "legal_notify_wechat_delivery_total{outcome=\"sent\"}");
        }
        assertEquals(RESIDENT_REMINDERS, sentByMetrics, "/q/metrics of the two instances add up");

        long remindedPerLogs = 0;
        Pattern sent = Pattern.compile("Reminders \\w+: (\\d+) sent by this instance");
        for (Replicas.Instance i : instances) {
            String name = i.name();
            String log = i.log();
            Matcher m = sent.matcher(log);
            while (m.find()) {
                remindedPerLogs += Long.parseLong(m.group(1));
            }
            assertEquals(List.of(), i.alarms(), "no ERROR and no blocked thread in instance " + name + "'s log");
            System.out.printf("instance %s: %s%n", name, String.join("; ", log.lines()
                    .filter(l -> l.contains("sent by this instance") || l.contains("handled by this instance"))
                    .map(l -> l.replaceAll("^.*\\] \\([^)]*\\) ", "")).limit(12).toList()));
        }
        assertEquals(RESIDENT_REMINDERS + STAFF_REMINDERS, remindedPerLogs,
                "what the two instances say they sent adds up to each reminder once");
    }

    /** Residents with openids and grants, applications waiting for their materials and for review. */
    private static List<String> plant() throws Exception {
        List<String> openids = new ArrayList<>();
        try (Connection c = replicas.connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("insert into region (code, parent_code, level, name) values "
                        + "('990000000000', null, 'PROVINCE', '测试省') on conflict do nothing");
            }
            UUID centre = UUID.randomUUID();
            UUID officer = UUID.randomUUID();
            try (PreparedStatement o = c.prepareStatement("insert into organisation (id, type, name, region_code, created_at) "
                    + "values (?, 'LEGAL_AID_CENTRE', '测试法律援助中心', '990000000000', now())");
                 PreparedStatement a = c.prepareStatement("insert into account (id, kind, roles, organisation_id, region_code, "
                         + "created_at) values (?, 'STAFF', 'AID_OFFICER', ?, '990000000000', now())")) {
                o.setObject(1, centre);
                o.executeUpdate();
                a.setObject(1, officer);
                a.setObject(2, centre);
                a.executeUpdate();
            }
            try (PreparedStatement acc = c.prepareStatement("insert into account (id, kind, roles, wechat_openid, created_at) "
                    + "values (?, 'RESIDENT', 'RESIDENT', ?, now())");
                 PreparedStatement grant = c.prepareStatement("insert into ntf_wechat_grant (account_id, kind, remaining) "
                         + "values (?, 'ACTION_REMINDER', 1)");
                 PreparedStatement app = c.prepareStatement("insert into aid_application (id, reference, applicant_id, "
                         + "region_code, centre_id, matter, service_type, summary_cipher, key_id, status, created_at, "
                         + "materials_due_at, current_due_at) values (?, ?, ?, '990000000000', ?, 'LABOUR_RELATIONSHIP_OR_WAGES', "
                         + "'LABOUR_MEDIATION_ARBITRATION', 'x', 'local1', ?, now(), now() + ?::interval, now() + ?::interval)")) {
                for (int i = 0; i < RESIDENT_REMINDERS + STAFF_REMINDERS; i++) {
                    UUID resident = UUID.randomUUID();
                    String openid = "it-" + resident;
                    acc.setObject(1, resident);
                    acc.setString(2, openid);
                    acc.addBatch();
                    boolean materials = i < RESIDENT_REMINDERS;
                    if (materials) {
                        openids.add(openid);
                        grant.setObject(1, resident);
                        grant.addBatch();
                    }
                    app.setObject(1, UUID.randomUUID());
                    app.setString(2, "IT-" + i);
                    app.setObject(3, resident);
                    app.setObject(4, centre);
                    app.setString(5, materials ? "MATERIALS_REQUESTED" : "UNDER_REVIEW");
                    app.setString(6, materials ? "1 day" : "1 day");
                    app.setString(7, materials ? "20 days" : "3 hours");
                    app.addBatch();
                }
                acc.executeBatch();
                grant.executeBatch();
                app.executeBatch();
            }
            c.commit();
        }
        return openids;
    }

    private static long reminders() throws Exception {
        return scalar("select count(*) from ntf_reminder");
    }

    private static long scalar(String sql) throws Exception {
        return replicas.scalar(sql);
    }
}
