package org.publiclegal.legalaid.consultation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.TestClock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.publiclegal.testing.ServiceCalls.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link ConsultationService#recordAll} (the import's batch entry point) gives exactly what
 * {@link ConsultationService#record} gives for each consultation: the same record, the same ledger event of its 人次.
 */
@QuarkusTest
class ConsultationBatchTest {

    @Inject
    ConsultationService consultations;

    static List<Object> stored(UUID id) {
        return Arrays.asList(Fixtures.sql("select region_code, channel, matter, persons, summary, consulted_at, "
                + "organisation_id, recorded_by from aid_consultation where id = ?1", id).get(0));
    }

    static List<List<Object>> events(UUID id) {
        return Fixtures.sql("select kind, region_code, organisation_id, occurred_at, quantity, amount_fen, source_type, "
                        + "adjustment_reason from ledger_event where source_id = ?1 order by id", id).stream()
                .map(Arrays::asList).toList();
    }

    @Test
    void aBatchGivesTheRecordsAndLedgerEventsThatSingleConsultationsGive() {
        Fixtures.County c = Fixtures.county();
        Account officer = c.aidOfficer();
        AccessScope scope = new AccessScope(officer.id, officer.roleSet(), officer.organisationId, officer.regionCode);
        Actor actor = new Actor(officer.id, String.join(",", officer.roleSet()), null);
        List<Consultation.Entry> entries = List.of(
                new Consultation.Entry(Consultation.Channel.WINDOW, AidMatter.LABOUR_RELATIONSHIP_OR_WAGES, c.villageA1(), 3,
                        "讨薪", TestClock.today().minusDays(20).atStartOfDay(TimeSource.CHINA).toInstant()),
                new Consultation.Entry(Consultation.Channel.HOTLINE_12348, AidMatter.SUPPORT_PAYMENT, c.townshipB(), 1,
                        null, TestClock.today().minusDays(1).atStartOfDay(TimeSource.CHINA).toInstant()));
        List<Consultation> single = new ArrayList<>();
        for (Consultation.Entry e : entries) {
            single.add(await(() -> consultations.record(e.channel(), e.matter(), e.regionCode(), e.persons(), e.summary(),
                    e.consultedAt(), scope, actor)));
        }
        List<Consultation> batched = await(() -> consultations.recordAll(entries, scope, actor));
        assertEquals(entries.size(), batched.size());
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(stored(single.get(i).id), stored(batched.get(i).id));
            List<List<Object>> one = events(single.get(i).id);
            assertEquals(1, one.size());
            assertEquals(one, events(batched.get(i).id));
        }
        assertEquals(3, events(batched.get(0).id).get(0).get(4));

        String summary = "批量" + UUID.randomUUID();
        List<Consultation.Entry> unknown = List.of(
                new Consultation.Entry(Consultation.Channel.WINDOW, AidMatter.WORK_INJURY, c.villageA1(), 1, summary, null),
                new Consultation.Entry(Consultation.Channel.WINDOW, AidMatter.WORK_INJURY,
                        c.townshipA().substring(0, 9) + "298", 1, summary, null));
        assertThrows(DomainException.class, () -> await(() -> consultations.recordAll(unknown, scope, actor)));
        assertEquals(0L, Fixtures.column("select count(*) from aid_consultation where summary = ?1", Long.class, summary)
                .get(0));
    }
}
