package org.publiclegal.mediation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.RecordRows;
import org.publiclegal.testing.TestClock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.publiclegal.testing.ServiceCalls.await;
import static org.publiclegal.testing.ServiceCalls.actor;
import static org.publiclegal.testing.ServiceCalls.scope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CaseHistoryService#recordAllConcluded} (the import's batch entry point) gives exactly what
 * {@link CaseHistoryService#recordConcluded} gives for each case: the same dispute, parties, timeline, agreement,
 * 司法确认, mediators and ledger events; the same refusals, all or none.
 */
@QuarkusTest
class CaseHistoryBatchTest {

    @Inject
    CaseHistoryService history;

    /** Everything written for a dispute, without ids, sealed columns, its number and the clock's readings. */
    static List<List<String>> written(UUID id) {
        return List.of(
                RecordRows.of("med_dispute", "id", id, "id", "reference", "created_at", "updated_at"),
                RecordRows.of("med_party", "dispute_id", id, "id", "dispute_id"),
                RecordRows.of("(select * from med_step where action <> 'import-history')", "dispute_id", id, "id",
                        "dispute_id"),
                RecordRows.of("(select * from med_step where action = 'import-history')", "dispute_id", id, "id",
                        "dispute_id", "occurred_at"),
                RecordRows.of("med_agreement", "dispute_id", id, "id", "dispute_id", "created_at", "updated_at"),
                RecordRows.of("med_judicial_confirmation", "dispute_id", id, "id", "dispute_id", "created_at",
                        "updated_at"),
                RecordRows.of("med_assignment", "dispute_id", id, "dispute_id"),
                RecordRows.of("ledger_event", "source_id", id, "id", "source_id", "recorded_at", "tx_id"));
    }

    record Setting(Fixtures.County c, Organisation court, Account mediator) {
    }

    static Setting setting() {
        Fixtures.County c = Fixtures.county();
        Organisation court = Organisation.create(OrganisationType.COURT, null, "测试法院" + UUID.randomUUID(), c.county(),
                null, null, TestClock.now());
        Account mediator = Account.staff("调解员甲", Set.of(Roles.MEDIATOR), c.committeeA().id, c.townshipA(), TestClock.now());
        Fixtures.run(s -> s.persistAll(court, mediator));
        return new Setting(c, court, mediator);
    }

    /** Four cases: a visit settled on paper with 司法确认, a court delegation settled orally, a failure, a withdrawal. */
    static List<HistoryCommands.ConcludedCase> cases(Setting s, String numberSuffix) {
        LocalDate d = TestClock.today().minusDays(90);
        Fixtures.County c = s.c();
        List<HistoryCommands.HistoricParty> parties = List.of(
                new HistoryCommands.HistoricParty(Party.Role.APPLICANT, Party.Kind.PERSON, "张*", "532932********1234"),
                new HistoryCommands.HistoricParty(Party.Role.RESPONDENT, Party.Kind.ORGANISATION, "某建材有限公司", null));
        return List.of(
                new HistoryCommands.ConcludedCase(Dispute.Origin.APPLIED, Dispute.IntakeChannel.VISIT, null, null, null,
                        null, null, d, DisputeType.NEIGHBOUR, "宅基地边界", c.villageA1(), c.committeeA().id,
                        List.of(s.mediator().id), parties, HistoryCommands.Outcome.SUCCEEDED, Agreement.Form.PAPER,
                        d.plusDays(6), null, s.court().id, d.plusDays(8), JudicialConfirmation.Ruling.CONFIRMED,
                        d.plusDays(20)),
                new HistoryCommands.ConcludedCase(Dispute.Origin.COURT_REFERRED, null, null, null,
                        Dispute.ReferralType.DELEGATED, s.court().id, "(2026)测民诉前调" + numberSuffix, d.plusDays(1),
                        DisputeType.LABOUR, null, c.villageA2(), c.committeeA().id, List.of(), parties,
                        HistoryCommands.Outcome.SUCCEEDED, Agreement.Form.ORAL, d.plusDays(3), null, null, null, null, null),
                new HistoryCommands.ConcludedCase(Dispute.Origin.TRANSFERRED, null, Dispute.Sender.POLICE_STATION,
                        "城关派出所", null, null, null, d.plusDays(2), DisputeType.MARRIAGE_FAMILY, "家事", c.villageA1(),
                        c.villageCommitteeA1().id, null, parties, HistoryCommands.Outcome.FAILED, null, d.plusDays(9),
                        null, null, null, null, null),
                new HistoryCommands.ConcludedCase(Dispute.Origin.PROACTIVE, null, null, null, null, null, null,
                        d.plusDays(3), DisputeType.NEIGHBOUR, null, c.villageA2(), c.committeeA().id,
                        List.of(s.mediator().id, s.mediator().id), parties, HistoryCommands.Outcome.WITHDRAWN, null,
                        d.plusDays(4), "申请人撤回", null, null, null, null));
    }

    @Test
    void aBatchGivesTheRecordsAndLedgerEventsThatSingleCasesGive() {
        Setting s = setting();
        Account office = s.c().officeStaffA();
        List<UUID> single = new ArrayList<>();
        for (HistoryCommands.ConcludedCase c : cases(s, "1号")) {
            single.add(await(() -> history.recordConcluded(c, scope(office), actor(office))));
        }
        List<UUID> batched = await(() -> history.recordAllConcluded(cases(s, "2号"), scope(office), actor(office)));
        assertEquals(single.size(), batched.size());
        for (int i = 0; i < single.size(); i++) {
            // the court case number (on the dispute and in its referral step) is the one difference the runs need
            assertEquals(written(single.get(i)).toString().replace("1号", "2号"), written(batched.get(i)).toString(),
                    "case " + i);
        }
        assertEquals(List.of(5, 3, 3, 2), single.stream().map(id -> written(id).get(7).size()).toList(),
                "ledger events: received, accepted, succeeded, applied, confirmed / delegated, accepted, succeeded / ...");
    }

    @Test
    void aBatchIsRefusedWholeForOneCaseASingleRecordWouldRefuse() {
        Setting s = setting();
        Account office = s.c().officeStaffA();
        List<HistoryCommands.ConcludedCase> good = cases(s, "3号");
        HistoryCommands.ConcludedCase unknownVillage = withVillage(good.get(2), s.c().townshipA().substring(0, 9) + "299");
        DomainException single = assertThrows(DomainException.class,
                () -> await(() -> history.recordConcluded(unknownVillage, scope(office), actor(office))));
        DomainException batch = assertThrows(DomainException.class, () -> await(() -> history.recordAllConcluded(
                List.of(good.get(0), good.get(1), unknownVillage), scope(office), actor(office))));
        assertEquals(single.code(), batch.code());
        assertEquals(single.getMessage(), batch.getMessage());

        // a court case number twice in one batch: the second is refused as a second single record would be
        DomainException twice = assertThrows(DomainException.class, () -> await(() -> history.recordAllConcluded(
                List.of(good.get(1), good.get(0), good.get(1)), scope(office), actor(office))));
        assertEquals(org.publiclegal.shared.problem.ErrorCode.CONFLICT, twice.code());
        assertTrue(twice.getMessage().endsWith("的案号 (2026)测民诉前调3号 已经登记"), twice::getMessage);
        // a mediator of another committee
        HistoryCommands.ConcludedCase foreign = withCommittee(good.get(0), s.c().villageCommitteeA1().id);
        assertThrows(DomainException.class, () -> await(() -> history.recordAllConcluded(List.of(good.get(2), foreign),
                scope(office), actor(office))));
        assertEquals(0L, Fixtures.column("select count(*) from med_dispute where committee_id in (?1, ?2)", Long.class,
                s.c().committeeA().id, s.c().villageCommitteeA1().id).get(0));
    }

    static HistoryCommands.ConcludedCase withVillage(HistoryCommands.ConcludedCase c, String village) {
        return new HistoryCommands.ConcludedCase(c.origin(), c.intakeChannel(), c.transferredByKind(),
                c.transferredByName(), c.referralType(), c.courtId(), c.courtCaseNumber(), c.receivedOn(),
                c.disputeType(), c.facts(), village, c.committeeId(), c.mediatorIds(), c.parties(), c.outcome(),
                c.agreementForm(), c.concludedOn(), c.failureReason(), c.judicialCourtId(), c.judicialAppliedOn(),
                c.judicialRuling(), c.judicialRuledOn());
    }

    static HistoryCommands.ConcludedCase withCommittee(HistoryCommands.ConcludedCase c, UUID committee) {
        return new HistoryCommands.ConcludedCase(c.origin(), c.intakeChannel(), c.transferredByKind(),
                c.transferredByName(), c.referralType(), c.courtId(), c.courtCaseNumber(), c.receivedOn(),
                c.disputeType(), c.facts(), c.villageCode(), committee, c.mediatorIds(), c.parties(), c.outcome(),
                c.agreementForm(), c.concludedOn(), c.failureReason(), c.judicialCourtId(), c.judicialAppliedOn(),
                c.judicialRuling(), c.judicialRuledOn());
    }
}
