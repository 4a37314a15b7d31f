package org.publiclegal.mediation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.mediation.DisputeAccess.Loaded;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.crypto.Masking;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.persistence.DeadlineOrder;
import org.publiclegal.shared.persistence.HqlEnums;
import org.publiclegal.shared.security.AccessScope;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Lists and the case file of disputes, through the same visibility rules as the steps. */
@ApplicationScoped
public class DisputeQueries {

    private final DisputeRepository disputes;
    private final MediationStepRepository steps;
    private final AgreementRepository agreements;
    private final DisputeAccess access;
    private final MediationSeal seal;
    private final AuditTrail audit;
    private final ObjectMapper mapper;

    public DisputeQueries(DisputeRepository disputes, MediationStepRepository steps, AgreementRepository agreements, DisputeAccess access,
                          MediationSeal seal, AuditTrail audit, ObjectMapper mapper) {
        this.disputes = disputes;
        this.steps = steps;
        this.agreements = agreements;
        this.access = access;
        this.seal = seal;
        this.audit = audit;
        this.mapper = mapper;
    }

    /**
     * A party as the caller may see it: the full name, phone, ID number and address only for those who handle
     * the case (the committee's mediators, audited) and the party themself; watchers see them masked, the other
     * parties not at all (names excepted).
     */
    public record PartyFile(UUID id, Party.Role role, Party.Kind kind, String name, String phone,
                            Party.Sex sex, Integer age, String idNumber, String address,
                            Party.Consent consent, boolean consentRecordedByMediator, boolean linked,
                            Instant agreementConfirmedAt) {
    }

    /**
     * The agreement in the clear: an online or paper agreement has facts, responsibilities and terms (a paper one
     * also its scanned copy, an evidence file of the case); a 口头协议 its content and who agreed.
     */
    public record AgreementFile(Agreement.Form form, String facts, String responsibilities,
                                List<OfflineCommands.Term> terms, String oralContent, String agreedBy,
                                UUID scanEvidenceId, Instant draftedAt, Instant sealedAt, Instant effectiveAt) {
    }

    public record DisputeFile(Dispute dispute, String facts, String claims, List<PartyFile> parties,
                              List<UUID> mediators, List<MediationStep> timeline, AgreementFile agreement) {
    }

    /**
     * The case file; a mediator's read of the parties' details is audited, watchers see them masked. Read in a
     * session, not a transaction (READ COMMITTED gives each select its own snapshot either way); the audit record
     * of a staff read is written in a transaction of its own before the file is returned.
     */
    @WithSession
    public Uni<DisputeFile> file(UUID id, AccessScope scope, Actor actor) {
        return access.load(id, scope).chain(l -> disputes.mediators(id).chain(mediators -> steps.timeline(id)
                .chain(timeline -> agreements.findById(id)
                        .chain(a -> fileOf(l, mediators, timeline, a, scope, actor)))));
    }

    /**
     * The case file of a dispute this transaction just wrote (submitted, referred or registered), from what was
     * written: no mediator assigned yet, no agreement, the first timeline steps. Nothing is read back.
     */
    public Uni<DisputeFile> fileOfNew(DisputeService.Submitted s, AccessScope scope, Actor actor) {
        return fileOf(new Loaded(s.dispute(), s.parties()), List.of(), s.timeline(), null, scope, actor);
    }

    private Uni<DisputeFile> fileOf(Loaded l, List<UUID> mediators, List<MediationStep> timeline, Agreement a,
                                    AccessScope scope, Actor actor) {
        boolean clear = DisputeAccess.handles(l, scope);
        Dispute d = l.dispute();
        List<PartyFile> ps = l.parties().stream().map(p -> {
            String name = seal.open(p.nameCipher, d.keyId, "party.name", p.id);
            String phone = p.phoneCipher == null ? null : seal.open(p.phoneCipher, d.keyId, "party.phone", p.id);
            String idNumber = p.idNumberCipher == null ? null : seal.open(p.idNumberCipher, d.keyId, "party.id-number", p.id);
            String address = p.addressCipher == null ? null : seal.open(p.addressCipher, d.keyId, "party.address", p.id);
            boolean mine = scope.isResident() && scope.accountId().equals(p.accountId);
            boolean show = clear && (!scope.isResident() || mine || p.kind == Party.Kind.ORGANISATION);
            boolean ownDetails = clear && (!scope.isResident() || mine);
            return new PartyFile(p.id, p.role, p.kind, show || scope.isResident() ? name : Masking.name(name),
                    show ? phone : Masking.mobile(phone), p.sex, p.age,
                    ownDetails ? idNumber : scope.isResident() ? null : Masking.idNumber(idNumber),
                    ownDetails ? address : scope.isResident() ? null : Masking.address(address),
                    p.consent, p.consentRecordedBy != null, p.accountId != null, p.agreementConfirmedAt);
        }).toList();
        String facts = clear ? seal.open(d.factsCipher, d.keyId, "facts", d.id) : null;
        String claims = clear ? seal.open(d.claimsCipher, d.keyId, "claims", d.id) : null;
        Uni<Void> audited = clear && !scope.isResident()
                ? Panache.withTransaction(() -> audit.record(actor, "PERSONAL_DATA_READ", "med_dispute", d.id, d.regionCode, "调解案件详情"))
                : Uni.createFrom().voidItem();
        return audited.replaceWith(new DisputeFile(d, facts, claims, ps, mediators, timeline,
                a == null || !clear ? null : agreement(a)));
    }

    private AgreementFile agreement(Agreement a) {
        if (a.form == Agreement.Form.ORAL) {
            return new AgreementFile(a.form, null, null, List.of(),
                    seal.open(a.oralContentCipher, a.keyId, "agreement.oral", a.disputeId), a.agreedBy, null,
                    a.draftedAt, a.sealedAt, a.effectiveAt);
        }
        try {
            List<OfflineCommands.Term> terms = mapper.readValue(
                    seal.open(a.termsCipher, a.keyId, "agreement.terms", a.disputeId), new TypeReference<>() {
                    });
            return new AgreementFile(a.form, seal.open(a.factsCipher, a.keyId, "agreement.facts", a.disputeId),
                    seal.open(a.responsibilitiesCipher, a.keyId, "agreement.responsibilities", a.disputeId), terms,
                    null, null, a.scanEvidenceId, a.draftedAt, a.sealedAt, a.effectiveAt);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The open statuses of a queue, as fixed HQL text (translated once, matching the partial indexes). */
    private static final String OPEN = HqlEnums.inList(MediationStatus.OPEN);

    /**
     * A resident's disputes (as applicant or invited party), newest first; the committee's, 司法所's or
     * 司法局's queue of open cases, time limit first. Rows are {@link DisputeListing} projections.
     */
    @WithSession
    public Uni<CursorPage<DisputeListing>> list(AccessScope scope, MediationStatus status, boolean overdue, Instant now,
                                                String cursor, int limit) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (scope.isResident()) {
            where.append("(d.applicantId = :me or exists (select 1 from Party p where p.disputeId = d.id and p.accountId = :me))");
            params.put("me", scope.accountId());
        } else {
            AccessScope.Filter f = scope.caseFilter("d.applicantId", "d.regionCode", "d.committeeId", null);
            where.append(f.predicate());
            params.putAll(f.parameters());
        }
        if (status != null) {
            where.append(" and d.status = :status");
            params.put("status", status);
        } else if (!scope.isResident()) {
            where.append(" and d.status in ").append(OPEN);
        }
        if (overdue) {
            where.append(" and d.currentDueAt < :now");
            params.put("now", now);
        }
        List<String> after = Cursor.decode(cursor, 2);
        try {
            if (scope.isResident()) {
                if (!after.isEmpty()) {
                    where.append(" and (d.createdAt, d.id) < (:at, :aid)");
                    params.put("at", Instant.parse(after.get(0)));
                    params.put("aid", UUID.fromString(after.get(1)));
                }
                return rows(where.toString(), params, "d.createdAt desc, d.id desc", limit)
                        .map(rows -> CursorPage.of(rows, limit, d -> Cursor.encode(d.createdAt(), d.id()), d -> d));
            }
        } catch (RuntimeException e) {
            throw Cursor.invalid();
        }
        return DeadlineOrder.page("d", where.toString(), params, cursor, limit,
                (w, p, order) -> rows(w, p, order, limit), DisputeListing::currentDueAt, DisputeListing::id);
    }

    /** {@code limit + 1} list rows for an HQL {@code where} over alias {@code d} and an {@code order by}. */
    private static Uni<List<DisputeListing>> rows(String where, Map<String, Object> params, String orderBy, int limit) {
        return Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery(DisputeListing.SELECT + " where " + where + " order by " + orderBy,
                    DisputeListing.class);
            params.forEach(query::setParameter);
            return query.setMaxResults(limit + 1).getResultList();
        });
    }

}
