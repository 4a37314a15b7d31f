package org.publiclegal.mediation.screening;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.ledger.AdjustmentReason;
import org.publiclegal.shared.problem.ErrorCode;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.TestClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.publiclegal.testing.ServiceCalls.await;
import static org.publiclegal.testing.ServiceCalls.actor;
import static org.publiclegal.testing.ServiceCalls.scope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link ScreeningService#recordAll} (the import's batch entry point) gives exactly what {@link ScreeningService#record}
 * gives for each round: the same record and the same ledger event, the same refusals, all or none.
 */
@QuarkusTest
class ScreeningBatchTest {

    @Inject
    ScreeningService screenings;

    /** The stored record without its id and creation time. */
    static List<Object> stored(UUID id) {
        return Arrays.asList(Fixtures.sql("select region_code, screened_on, place, households_visited, disputes_found, "
                + "risk_level, note, organisation_id, recorded_by from med_screening where id = ?1", id).get(0));
    }

    /** The record's ledger events without their ids and recording times. */
    static List<List<Object>> events(UUID id) {
        return Fixtures.sql("select kind, region_code, organisation_id, occurred_at, quantity, amount_fen, source_type, "
                        + "adjustment_reason from ledger_event where source_id = ?1 order by id", id).stream()
                .map(Arrays::asList).toList();
    }

    static void assertSame(Screening single, Screening batched) {
        assertEquals(stored(single.id), stored(batched.id));
        List<List<Object>> one = events(single.id);
        assertEquals(1, one.size());
        assertEquals(one, events(batched.id));
    }

    static void closePeriod(String county, LocalDate from, LocalDate to) {
        Fixtures.run(s -> s.createNativeQuery("insert into reporting_closed_period (id, region_code, period_from, period_to, "
                        + "status, closed_by, closed_at) values (?1, ?2, ?3, ?4, 'CLOSED', ?5, now())")
                .setParameter(1, UUID.randomUUID()).setParameter(2, county).setParameter(3, from).setParameter(4, to)
                .setParameter(5, UUID.randomUUID()).executeUpdate());
    }

    @Test
    void aBatchGivesTheRecordsAndLedgerEventsThatSingleRoundsGive() {
        Fixtures.County c = Fixtures.county();
        Account office = c.officeStaffA();
        LocalDate today = TestClock.today();
        List<Screening.Round> rounds = List.of(
                new Screening.Round(today.minusDays(40), "村委会", c.villageA1(), 36, 2, Screening.RiskLevel.MEDIUM, "宅基地两起"),
                new Screening.Round(today.minusDays(3), "第二社区活动室", c.villageA2(), 12, 0, Screening.RiskLevel.LOW, null),
                new Screening.Round(today, "镇政府", c.townshipA(), 80, 5, Screening.RiskLevel.HIGH, "土地流转"));
        List<Screening> single = new ArrayList<>();
        for (Screening.Round r : rounds) {
            single.add(await(() -> screenings.record(r, scope(office), actor(office))));
        }
        List<Screening> batched = await(() -> screenings.recordAll(rounds, scope(office), actor(office)));
        assertEquals(rounds.size(), batched.size());
        for (int i = 0; i < rounds.size(); i++) {
            assertSame(single.get(i), batched.get(i));
        }
    }

    @Test
    void aBatchIsRefusedWholeForOneRoundASingleRecordWouldRefuse() {
        Fixtures.County c = Fixtures.county();
        Account office = c.officeStaffA();
        LocalDate day = TestClock.today().minusDays(10);
        String unknownVillage = c.townshipA().substring(0, 9) + "299";
        String note = "批量" + UUID.randomUUID();
        List<Screening.Round> rounds = List.of(
                new Screening.Round(day, "村委会", c.villageA1(), 10, 1, Screening.RiskLevel.LOW, note),
                new Screening.Round(day, "村委会", unknownVillage, 10, 1, Screening.RiskLevel.LOW, note));
        DomainException single = assertThrows(DomainException.class,
                () -> await(() -> screenings.record(rounds.get(1), scope(office), actor(office))));
        DomainException batch = assertThrows(DomainException.class,
                () -> await(() -> screenings.recordAll(rounds, scope(office), actor(office))));
        assertEquals(single.code(), batch.code());
        assertEquals(single.getMessage(), batch.getMessage());
        List<Screening.Round> outside = List.of(
                new Screening.Round(day, "村委会", c.villageA1(), 10, 1, Screening.RiskLevel.LOW, note),
                new Screening.Round(day, "村委会", c.villageB1(), 10, 1, Screening.RiskLevel.LOW, note));
        assertThrows(DomainException.class, () -> await(() -> screenings.recordAll(outside, scope(office), actor(office))));
        assertEquals(0L, Fixtures.column("select count(*) from med_screening where note = ?1", Long.class, note).get(0));
    }

    @Test
    void aBatchIntoAClosedPeriodNeedsTheReasonAndKeepsItOnEachEventAsASingleRecordDoes() {
        Fixtures.County c = Fixtures.county();
        Account office = c.officeStaffA();
        LocalDate closed = TestClock.today().minusMonths(2).withDayOfMonth(1);
        closePeriod(c.county(), closed, closed.plusMonths(1).minusDays(1));
        String note = "关账" + UUID.randomUUID();
        Screening.Round inClosed = new Screening.Round(closed.plusDays(4), "村委会", c.villageA1(), 20, 1,
                Screening.RiskLevel.LOW, note);
        Screening.Round open = new Screening.Round(TestClock.today(), "村委会", c.villageA2(), 20, 1,
                Screening.RiskLevel.LOW, note);

        DomainException refused = assertThrows(DomainException.class,
                () -> await(() -> screenings.recordAll(List.of(open, inClosed), scope(office), actor(office))));
        assertEquals(ErrorCode.PERIOD_CLOSED, refused.code());
        assertEquals(0L, Fixtures.column("select count(*) from med_screening where note = ?1", Long.class, note).get(0));

        Screening single = await(() -> AdjustmentReason.during("历史台账导入",
                () -> screenings.record(inClosed, scope(office), actor(office))));
        List<Screening> batched = await(() -> AdjustmentReason.during("历史台账导入",
                () -> screenings.recordAll(List.of(open, inClosed), scope(office), actor(office))));
        assertSame(single, batched.get(1));
        assertEquals("历史台账导入", events(batched.get(1).id).get(0).get(7));
        assertEquals(null, events(batched.get(0).id).get(0).get(7));
    }
}
