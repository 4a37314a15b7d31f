package org.publiclegal.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** "My matters" and the inbox read one index range however many rows the tables hold (100,000 each here). */
@QuarkusTest
class NotificationPlansTest {

    @Inject
    Pool pool;

    @Test
    void aMattersPageAndAnInboxPageAreIndexRangesAtAHundredThousandRows() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Fixtures.sql("""
                with a as (insert into account (id, kind, roles, wechat_openid, created_at)
                           select gen_random_uuid(), 'RESIDENT', 'RESIDENT', 'plan-' || ?1 || '-' || g, now()
                           from generate_series(1, 1000) g returning id),
                m as (insert into ntf_matter (id, account_id, service, subject_id, reference, status_code, status_text,
                                              urgency, sort_at, link, updated_at)
                      select gen_random_uuid(), a.id, 'LEGAL_AID', gen_random_uuid(), 'LA', 'UNDER_REVIEW', '审查中',
                             g % 3, now() + g * interval '1 hour', '/x', now()
                      from a cross join generate_series(1, 100) g returning 1),
                n as (insert into ntf_notice (recipient_id, kind, subject_id, title, body, created_at)
                      select a.id, 'AID_PROGRESS', gen_random_uuid(), 't', 'b', now()
                      from a cross join generate_series(1, 100) g returning 1)
                select (select count(*) from m), (select count(*) from n)""", tag);
        pool.query("analyze ntf_matter").execute().await().atMost(Duration.ofMinutes(1));
        pool.query("analyze ntf_notice").execute().await().atMost(Duration.ofMinutes(1));
        UUID account = Fixtures.column("select id from account where wechat_openid = ?1", UUID.class, "plan-" + tag + "-500").get(0);

        String matters = plan("""
                explain select * from ntf_matter where account_id = cast(?1 as uuid)
                and (urgency > 1 or (urgency = 1 and (sort_at > now() or (sort_at = now() and id > gen_random_uuid()))))
                order by urgency, sort_at, id limit 21""", account);
        assertTrue(matters.contains("Index Scan using ntf_matter_page_idx"), matters);
        assertTrue(!matters.contains("Sort"), matters);

        String inbox = plan("explain select * from ntf_notice where recipient_id = cast(?1 as uuid) and id < 9000000000 "
                + "order by id desc limit 21", account);
        assertTrue(inbox.contains("ntf_notice_inbox_idx"), inbox);
        assertTrue(!inbox.contains("Sort"), inbox);

        String unread = plan("explain select count(*) from ntf_notice where recipient_id = cast(?1 as uuid) "
                + "and read_at is null and superseded_at is null", account);
        assertTrue(unread.contains("ntf_notice_unread_idx"), unread);
    }

    private static String plan(String sql, UUID account) {
        List<String> lines = Fixtures.column(sql, String.class, account.toString());
        return String.join("\n", lines);
    }
}
