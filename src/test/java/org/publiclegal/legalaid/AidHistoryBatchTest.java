package org.publiclegal.legalaid;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.RecordRows;
import org.publiclegal.testing.TestClock;

import java.math.BigDecimal;
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

/**
 * {@link AidHistoryService#recordCases} (the import's batch entry point) gives exactly what
 * {@link AidHistoryService#recordCase} gives for each case: the same application, timeline and ledger events; the
 * same refusals, all or none.
 */
@QuarkusTest
class AidHistoryBatchTest {

    @Inject
    AidHistoryService history;

    /** Everything written for an application, without ids, sealed columns, its number and the clock's readings. */
    static List<List<String>> written(UUID id) {
        return List.of(
                RecordRows.of("aid_application", "id", id, "id", "reference", "updated_at", "version"),
                RecordRows.of("(select * from aid_application_step where action <> 'import-history')", "application_id",
                        id, "id", "application_id"),
                RecordRows.of("(select * from aid_application_step where action = 'import-history')", "application_id",
                        id, "id", "application_id", "occurred_at"),
                RecordRows.of("ledger_event", "source_id", id, "id", "source_id", "recorded_at", "tx_id"));
    }

    static List<CaseHistoryCommands.ConcludedCase> cases(Fixtures.County c, Account lawyer, String name) {
        LocalDate d = TestClock.today().minusDays(120);
        NoticeRegistration.NotifiedPerson person = new NoticeRegistration.NotifiedPerson(name, null, "532932********1234", null);
        return List.of(
                new CaseHistoryCommands.ConcludedCase(d, c.villageA1(), person, AidMatter.LABOUR_RELATIONSHIP_OR_WAGES,
                        AidServiceType.CIVIL_ADMINISTRATIVE_REPRESENTATION, "讨要工资", CaseHistoryCommands.Decision.GRANTED,
                        d.plusDays(2), null, c.lawFirm().id, lawyer.id, d.plusDays(3), d.plusDays(30), CaseOutcome.SETTLED,
                        new BigDecimal("18600.50")),
                new CaseHistoryCommands.ConcludedCase(d.plusDays(1), c.villageB1(), person, AidMatter.OTHER_CIVIL,
                        AidServiceType.DUTY_LAWYER_HELP, null, CaseHistoryCommands.Decision.GRANTED, d.plusDays(1),
                        "值班律师", c.aidCentre().id, null, d.plusDays(1), null, null, null),
                new CaseHistoryCommands.ConcludedCase(d.plusDays(2), c.townshipA(), person, AidMatter.OTHER_CIVIL,
                        AidServiceType.LEGAL_CONSULTATION, null, CaseHistoryCommands.Decision.REFUSED, d.plusDays(5),
                        "不符合经济困难标准", null, null, null, null, null, null));
    }

    @Test
    void aBatchGivesTheRecordsAndLedgerEventsThatSingleCasesGive() {
        Fixtures.County c = Fixtures.county();
        Account lawyer = Account.staff("赵律师", Set.of(Roles.LAWYER), c.lawFirm().id, c.county(), TestClock.now());
        Fixtures.run(s -> s.persist(lawyer));
        Account officer = c.aidOfficer();
        List<UUID> single = new ArrayList<>();
        for (CaseHistoryCommands.ConcludedCase one : cases(c, lawyer, "字*富")) {
            single.add(await(() -> history.recordCase(one, scope(officer), actor(officer))));
        }
        List<UUID> batched = await(() -> history.recordCases(cases(c, lawyer, "字*富"), scope(officer), actor(officer)));
        assertEquals(single.size(), batched.size());
        for (int i = 0; i < single.size(); i++) {
            assertEquals(written(single.get(i)), written(batched.get(i)), "case " + i);
        }
        assertEquals(List.of(4, 3, 2), single.stream().map(id -> written(id).get(3).size()).toList(),
                "ledger events: received, granted, assigned, closed / received, granted, assigned / received, refused");
    }

    @Test
    void aBatchIsRefusedWholeForOneCaseASingleRecordWouldRefuse() {
        Fixtures.County c = Fixtures.county();
        Account lawyer = Account.staff("赵律师", Set.of(Roles.LAWYER), c.lawFirm().id, c.county(), TestClock.now());
        Fixtures.run(s -> s.persist(lawyer));
        Account officer = c.aidOfficer();
        List<CaseHistoryCommands.ConcludedCase> good = cases(c, lawyer, "钱*");
        CaseHistoryCommands.ConcludedCase g = good.get(0);
        CaseHistoryCommands.ConcludedCase foreignFirm = new CaseHistoryCommands.ConcludedCase(g.receivedOn(),
                g.regionCode(), g.applicant(), g.matter(), g.serviceType(), g.summary(), g.decision(), g.decidedOn(),
                g.decisionReason(), Fixtures.county().lawFirm().id, null, g.assignedOn(), g.closedOn(), g.outcome(),
                g.recovered());
        DomainException single = assertThrows(DomainException.class,
                () -> await(() -> history.recordCase(foreignFirm, scope(officer), actor(officer))));
        DomainException batch = assertThrows(DomainException.class, () -> await(() -> history.recordCases(
                List.of(good.get(1), good.get(2), foreignFirm), scope(officer), actor(officer))));
        assertEquals(single.code(), batch.code());
        assertEquals(single.getMessage(), batch.getMessage());
        CaseHistoryCommands.ConcludedCase unknownRegion = new CaseHistoryCommands.ConcludedCase(g.receivedOn(),
                c.townshipA().substring(0, 9) + "299", g.applicant(), g.matter(), g.serviceType(), g.summary(),
                g.decision(), g.decidedOn(), g.decisionReason(), g.providerOrgId(), g.lawyerId(), g.assignedOn(),
                g.closedOn(), g.outcome(), g.recovered());
        assertThrows(DomainException.class, () -> await(() -> history.recordCases(List.of(g, unknownRegion),
                scope(officer), actor(officer))));
        assertEquals(0L, Fixtures.column("select count(*) from aid_application where centre_id = ?1", Long.class,
                c.aidCentre().id).get(0));
    }
}
