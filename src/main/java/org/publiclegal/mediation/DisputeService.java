package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.ProfileService;
import org.publiclegal.mediation.DisputeAccess.Capacity;
import org.publiclegal.mediation.DisputeAccess.Loaded;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.calendar.DayCounting;
import org.publiclegal.shared.calendar.WorkCalendar;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.Money;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.ledger.Ledger;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.problem.ErrorCode;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The parties' side of 掌上调解: submit a dispute (routed to the village committee, else the township's), invite
 * the other parties, consent or refuse (mediation is voluntary), withdraw, confirm the agreement, and talk to
 * the mediator.
 */
@ApplicationScoped
public class DisputeService {

    /** Keeps "my matters" and the notices up to date (issue 11). */
    @jakarta.inject.Inject
    org.publiclegal.notification.MatterUpdates matters;

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final DisputeRepository disputes;
    private final PartyRepository parties;
    private final MediationStepRepository steps;
    private final MessageRepository messages;
    private final DisputeAccess access;
    private final MediationSeal seal;
    private final ProfileService profiles;
    private final OrganisationService directory;
    private final Ledger ledger;
    private final WorkCalendar calendar;
    private final AppConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DisputeService(DisputeRepository disputes, PartyRepository parties, MediationStepRepository steps, MessageRepository messages, DisputeAccess access,
                          MediationSeal seal, ProfileService profiles, OrganisationService directory, Ledger ledger,
                          WorkCalendar calendar, AppConfig config, Clock clock) {
        this.calendar = calendar;
        this.config = config;
        this.disputes = disputes;
        this.parties = parties;
        this.steps = steps;
        this.messages = messages;
        this.access = access;
        this.seal = seal;
        this.profiles = profiles;
        this.directory = directory;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * A submitted dispute and the invitation code of each other party (shown once, to pass on), with the parties
     * and timeline steps just written, so the answer is built without reading them back.
     */
    public record Submitted(Dispute dispute, Map<UUID, String> invitationCodes, List<Party> parties,
                            List<MediationStep> timeline) {
    }

    @WithTransaction
    public Uni<Submitted> submit(UUID applicantId, DisputeCommands.Submit r, Actor actor) {
        if (!RegionCodes.isValid(r.villageCode()) || RegionCodes.levelOf(r.villageCode()) != RegionCodes.Level.VILLAGE) {
            throw DomainException.invalidField("villageCode", "请选择纠纷发生地所在的村（社区）");
        }
        Instant now = clock.instant();
        return profiles.realName(applicantId).chain(name -> {
            if (name == null) {
                throw DomainException.rule("申请调解前请先在“我的”中完善实名信息");
            }
            return directory.committeeFor(r.villageCode()).chain(committee -> {
                if (committee == null) {
                    throw DomainException.invalidField("villageCode", "该村（社区）及所在乡镇尚无人民调解委员会，请拨打 12348 咨询");
                }
                return disputes.nextNumber().chain(n -> {
                    Dispute d = new Dispute();
                    d.id = UUID.randomUUID();
                    d.reference = String.format("MD%d-%06d", LocalDate.ofInstant(now, TimeSource.CHINA).getYear(), n);
                    d.applicantId = applicantId;
                    d.origin = Dispute.Origin.APPLIED;
                    d.disputeType = r.disputeType();
                    d.keyId = seal.keyId();
                    d.factsCipher = seal.seal(r.facts(), "facts", d.id);
                    d.claimsCipher = seal.seal(r.claims(), "claims", d.id);
                    d.amountFen = Money.toFen(r.amount());
                    d.regionCode = r.villageCode();
                    d.committeeId = committee;
                    d.preferredMode = r.preferredMode();
                    d.submitted(now);
                    List<Party> all = new ArrayList<>();
                    Party self = party(d, Party.Role.APPLICANT, Party.Kind.PERSON, name, null, 0);
                    self.accountId = applicantId;
                    self.consent = Party.Consent.CONSENTED;
                    self.consentAt = now;
                    all.add(self);
                    Map<UUID, String> codes = new LinkedHashMap<>();
                    for (int i = 0; i < r.otherParties().size(); i++) {
                        all.add(invited(d, Party.Role.RESPONDENT, r.otherParties().get(i), i + 1, now, codes));
                    }
                    return persistNew(d, all, codes, actor, Roles.RESIDENT, now, MediationEvents.RECEIVED);
                });
            });
        });
    }

    /**
     * A court-referred case entered by a mediator of the committee: both parties are invited (each gets a
     * code), the case is accepted at once and the referral's time limit runs.
     */
    @WithTransaction
    public Uni<Submitted> referFromCourt(DisputeCommands.CourtReferral r, AccessScope scope, Actor actor) {
        if (!scope.hasRole(Roles.MEDIATOR) || scope.organisationId() == null) {
            throw DomainException.forbidden("只有调委会的调解员可以登记法院委派案件");
        }
        if (!scope.covers(r.villageCode())) {
            throw DomainException.invalidField("villageCode", "纠纷发生地须在本调委会服务区域内");
        }
        Instant now = clock.instant();
        return directory.get(r.courtId()).chain(court -> {
            if (court.type != org.publiclegal.region.OrganisationType.COURT) {
                throw DomainException.invalidField("courtId", "请选择人民法院");
            }
            return directory.regionExists(r.villageCode());
        }).chain(exists -> {
            if (!exists) {
                throw DomainException.invalidField("villageCode", "行政区划 " + r.villageCode() + " 不存在");
            }
            return disputes.nextNumber();
        }).chain(n -> calendar.deadline(now, referralDays(r.referralType()), DayCounting.CALENDAR).chain(due -> {
            Dispute d = new Dispute();
            d.id = UUID.randomUUID();
            d.reference = String.format("MD%d-%06d", LocalDate.ofInstant(now, TimeSource.CHINA).getYear(), n);
            d.origin = Dispute.Origin.COURT_REFERRED;
            d.disputeType = r.disputeType();
            d.keyId = seal.keyId();
            d.factsCipher = seal.seal(r.facts(), "facts", d.id);
            d.claimsCipher = seal.seal(r.claims(), "claims", d.id);
            d.amountFen = Money.toFen(r.amount());
            d.regionCode = r.villageCode();
            d.committeeId = scope.organisationId();
            d.preferredMode = r.preferredMode();
            d.courtId = r.courtId();
            d.courtCaseNumber = r.courtCaseNumber();
            d.referralType = r.referralType();
            d.referredByCourt(due, now);
            List<Party> all = new ArrayList<>();
            Map<UUID, String> codes = new LinkedHashMap<>();
            for (int i = 0; i < r.parties().size(); i++) {
                all.add(invited(d, i == 0 ? Party.Role.APPLICANT : Party.Role.RESPONDENT, r.parties().get(i), i, now, codes));
            }
            return persistNew(d, all, codes, actor, Roles.MEDIATOR, now, MediationEvents.referralKind(r.referralType()),
                    MediationEvents.ACCEPTED);
        }));
    }

    /**
     * 登记纠纷: a case entered by a mediator for their own committee (a walk-in 来访/来电, 主动调解 or 移送), with
     * the date it was actually received and the parties as the mediator took them down; registered means
     * accepted, the time limit runs from the date received. Every party gets an invitation code to claim the
     * case in the app later. Counted like an app case: RECEIVED and ACCEPTED at the date received.
     */
    @WithTransaction
    public Uni<Submitted> register(OfflineCommands.Register r, AccessScope scope, Actor actor) {
        if (!scope.hasRole(Roles.MEDIATOR) || scope.organisationId() == null) {
            throw DomainException.forbidden("只有调委会的调解员可以登记纠纷");
        }
        if (!RegionCodes.isValid(r.villageCode()) || RegionCodes.levelOf(r.villageCode()) != RegionCodes.Level.VILLAGE) {
            throw DomainException.invalidField("villageCode", "请选择纠纷发生地所在的村（社区）");
        }
        if (!scope.covers(r.villageCode())) {
            throw DomainException.invalidField("villageCode", "纠纷发生地须在本调委会服务区域内");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TimeSource.CHINA);
        EntryRules.checkReceivedOn(r.receivedOn(), today);
        for (int i = 0; i < r.parties().size(); i++) {
            EntryRules.checkParty(r.parties().get(i), i);
        }
        Instant receivedAt = r.receivedOn().equals(today) ? now : r.receivedOn().atStartOfDay(TimeSource.CHINA).toInstant();
        return directory.regionExists(r.villageCode()).chain(exists -> {
            if (!exists) {
                throw DomainException.invalidField("villageCode", "行政区划 " + r.villageCode() + " 不存在");
            }
            return calendar.deadline(r.receivedOn(), config.mediation().timeLimitDays(), DayCounting.CALENDAR);
        }).chain(due -> disputes.nextNumber().chain(n -> {
            Dispute d = new Dispute();
            d.id = UUID.randomUUID();
            d.reference = String.format("MD%d-%06d", today.getYear(), n);
            d.origin = r.origin();
            d.intakeChannel = r.intakeChannel() == null ? Dispute.IntakeChannel.APP : r.intakeChannel();
            d.transferredByKind = r.transferredByKind();
            d.transferredByName = r.transferredByName() == null || r.transferredByName().isBlank() ? null
                    : r.transferredByName().trim();
            d.receivedOn = r.receivedOn();
            d.enteredBy = actor.accountId();
            d.disputeType = r.disputeType();
            d.keyId = seal.keyId();
            d.factsCipher = seal.seal(r.facts(), "facts", d.id);
            d.claimsCipher = seal.seal(r.claims(), "claims", d.id);
            d.amountFen = Money.toFen(r.amount());
            d.regionCode = r.villageCode();
            d.committeeId = scope.organisationId();
            d.preferredMode = r.preferredMode();
            List<Party> all = new ArrayList<>();
            Map<UUID, String> codes = new LinkedHashMap<>();
            for (int i = 0; i < r.parties().size(); i++) {
                OfflineCommands.PartyEntry e = r.parties().get(i);
                Party p = invited(d, i == 0 ? Party.Role.APPLICANT : Party.Role.RESPONDENT,
                        e.kind(), e.name(), e.phone(), i, now, codes);
                p.sex = e.sex();
                p.age = e.age();
                p.idNumberCipher = EntryRules.blank(e.idNumber()) ? null : seal.seal(e.idNumber().trim().toUpperCase(), "party.id-number", p.id);
                p.addressCipher = EntryRules.blank(e.address()) ? null : seal.seal(e.address().trim(), "party.address", p.id);
                if (e.consented()) {
                    p.consent = Party.Consent.CONSENTED;
                    p.consentAt = now;
                    p.consentRecordedBy = actor.accountId();
                }
                all.add(p);
            }
            d.registeredByStaff(receivedAt, due, all.stream().allMatch(p -> p.consent == Party.Consent.CONSENTED), now);
            return persistNew(d, all, codes, actor, Roles.MEDIATOR, receivedAt, MediationEvents.RECEIVED,
                    MediationEvents.ACCEPTED);
        }));
    }

    /** The referral's time limit in days, from configuration. */
    private int referralDays(Dispute.ReferralType type) {
        return switch (type) {
            case DELEGATED -> config.mediation().delegatedReferralDays();
            case ENTRUSTED_ORDINARY -> config.mediation().entrustedOrdinaryReferralDays();
            case ENTRUSTED_SIMPLIFIED -> config.mediation().entrustedSimplifiedReferralDays();
        };
    }

    /** An invited party, signed in through WeChat, links their account to their place in the dispute. */
    @WithTransaction
    public Uni<UUID> redeem(String code, UUID residentId, AccessScope scope) {
        return parties.byInvitation(hash(code.trim().toUpperCase())).chain(p -> {
            if (p == null || p.invitationExpiresAt == null || p.invitationExpiresAt.isBefore(clock.instant())) {
                throw new DomainException(ErrorCode.NOT_FOUND, "邀请码无效或已过期，请向申请人或调委会索取新的邀请码");
            }
            if (p.accountId != null && !p.accountId.equals(residentId)) {
                throw DomainException.conflict("该邀请码已被他人使用");
            }
            p.accountId = residentId;
            p.invitationHash = null;
            return access.load(p.disputeId, scope).chain(l -> matters.dispute(l.dispute(), l.parties())).replaceWith(p.disputeId);
        });
    }

    /** 同意调解. Once every party has and the committee accepted, mediation begins. */
    @WithTransaction
    public Uni<Dispute> consent(UUID id, AccessScope scope, Actor actor) {
        return access.apply(id, scope, actor, Capacity.PARTY, (l, own) -> {
            if (own.consent != Party.Consent.PENDING) {
                throw DomainException.conflict("您已表示过是否同意调解");
            }
            own.consent = Party.Consent.CONSENTED;
            own.consentAt = clock.instant();
            boolean all = allConsented(l);
            l.dispute().partyConsented(all, clock.instant(), own.role == Party.Role.APPLICANT ? "申请人" : "被申请人");
            return all ? tellMediators(l.dispute(), "各方已同意调解", "纠纷 " + l.dispute().reference + " 的各方当事人均已同意调解，请安排调解。")
                    : Uni.createFrom().voidItem();
        }).map(Loaded::dispute);
    }

    /** 拒绝调解: mediation is voluntary; the case ends with that outcome. */
    @WithTransaction
    public Uni<Dispute> refuse(UUID id, String reason, AccessScope scope, Actor actor) {
        return access.apply(id, scope, actor, Capacity.PARTY, (l, own) -> {
            if (own.consent == Party.Consent.REFUSED) {
                throw DomainException.conflict("您已拒绝调解");
            }
            own.consent = Party.Consent.REFUSED;
            own.consentAt = clock.instant();
            own.refusalReason = reason;
            l.dispute().partyRefused(reason, clock.instant());
            return Uni.createFrom().voidItem();
        }).map(Loaded::dispute);
    }

    @WithTransaction
    public Uni<Dispute> withdraw(UUID id, String reason, AccessScope scope, Actor actor) {
        return access.apply(id, scope, actor, Capacity.PARTY, (l, own) -> {
            if (own.role != Party.Role.APPLICANT) {
                throw DomainException.forbidden("只有申请人可以撤回调解申请");
            }
            l.dispute().withdraw(reason, clock.instant());
            return Uni.createFrom().voidItem();
        }).map(Loaded::dispute);
    }

    /**
     * 要求终止调解 (人民调解法 Art. 23): any party, applicant or respondent, may end the mediation once it has
     * begun; the case ends as 调解不成 (counted with the failed cases) and the parties are shown the other routes.
     */
    @WithTransaction
    public Uni<Dispute> endMediation(UUID id, String reason, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.PARTY, (l, own) -> {
            l.dispute().endedByParty(own.label(), reason, now);
            return ledger.record(MediationEvents.FAILED, l.dispute().regionCode, l.dispute().committeeId, now,
                    MediationEvents.SOURCE, l.dispute().id).chain(() -> tellMediators(l.dispute(), "当事人已终止调解",
                    own.label() + "要求终止纠纷 " + l.dispute().reference + " 的调解（人民调解法第二十三条），本案以调解不成结束。"));
        }).map(Loaded::dispute);
    }

    /** A party confirms the drafted agreement (the electronic signature of the online mediation rules, Art. 19). */
    @WithTransaction
    public Uni<Dispute> confirmAgreement(UUID id, AccessScope scope, Actor actor) {
        return access.apply(id, scope, actor, Capacity.PARTY, (l, own) -> {
            if (own.agreementConfirmedAt != null) {
                throw DomainException.conflict("您已确认过协议");
            }
            l.dispute().agreementConfirmed(clock.instant(), own.role == Party.Role.APPLICANT ? "申请人" : "被申请人");
            own.agreementConfirmedAt = clock.instant();
            boolean all = l.parties().stream().allMatch(p -> p.agreementConfirmedAt != null);
            return all ? tellMediators(l.dispute(), "各方已确认调解协议", "纠纷 " + l.dispute().reference
                    + " 的各方当事人均已确认调解协议，请签章使协议生效。") : Uni.createFrom().voidItem();
        }).map(Loaded::dispute);
    }

    /** A message from a party or one of the committee's mediators. */
    @WithTransaction
    public Uni<Message> post(UUID id, String text, AccessScope scope, Actor actor) {
        return access.load(id, scope).chain(l -> {
            boolean party = scope.isResident();
            if (!party && !DisputeAccess.handles(l, scope)) {
                throw DomainException.forbidden("只有当事人和本案调解员可以发送消息");
            }
            l.dispute().requireOpenForMessages();
            Message m = new Message();
            m.disputeId = id;
            m.senderId = actor.accountId();
            m.senderRole = party ? Roles.RESIDENT : Roles.MEDIATOR;
            m.bodyCipher = seal.seal(text, "message", id);
            m.keyId = seal.keyId();
            m.sentAt = clock.instant();
            return messages.persist(m);
        });
    }

    /** Messages oldest first; {@code cursor} continues after the last one seen. */
    public Uni<CursorPage<Message>> messages(UUID id, String cursor, int limit, AccessScope scope) {
        List<String> after = Cursor.decode(cursor, 1);
        long afterId;
        try {
            afterId = after.isEmpty() ? 0 : Long.parseLong(after.get(0));
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
        return access.load(id, scope).chain(l -> messages.page(id, afterId, limit))
                .map(rows -> CursorPage.of(rows, limit, m -> Cursor.encode(m.id), m -> m));
    }

    public String openMessage(Message m) {
        return seal.open(m.bodyCipher, m.keyId, "message", m.disputeId);
    }

    /** A party who is invited: the code goes into {@code codes} (shown once), only its hash is kept. */
    private Party invited(Dispute d, Party.Role role, DisputeCommands.OtherParty o, int position, Instant now,
                          Map<UUID, String> codes) {
        return invited(d, role, o.kind(), o.name(), o.phone(), position, now, codes);
    }

    private Party invited(Dispute d, Party.Role role, Party.Kind kind, String name, String phone, int position,
                          Instant now, Map<UUID, String> codes) {
        Party p = party(d, role, kind, name, phone, position);
        String code = invitationCode();
        p.invitationHash = hash(code);
        p.invitationExpiresAt = now.plus(config.mediation().invitationValidity());
        codes.put(p.id, code);
        return p;
    }

    /** Writes a new dispute, its parties and first timeline steps, and its ledger events, in one transaction. */
    private Uni<Submitted> persistNew(Dispute d, List<Party> all, Map<UUID, String> codes, Actor actor, String role,
                                      Instant now, String... events) {
        List<MediationStep> taken = d.drainSteps();
        taken.forEach(s -> {
            s.actorId = actor.accountId();
            s.actorRole = role;
        });
        Uni<?> written = disputes.persist(d)
                .chain(() -> parties.persist(all.stream()))
                .chain(() -> steps.persist(taken.stream()));
        for (String kind : events) {
            written = written.chain(() -> ledger.record(kind, d.regionCode, d.committeeId, now, MediationEvents.SOURCE, d.id));
        }
        return written.chain(() -> matters.newDispute(d, all)).replaceWith(new Submitted(d, codes, all, taken));
    }

    private Uni<Void> tellMediators(Dispute d, String title, String body) {
        return disputes.mediators(d.id).chain(assigned -> matters.mediationWork(d, assigned, title, body));
    }

    static boolean allConsented(Loaded l) {
        return l.parties().stream().allMatch(p -> p.consent == Party.Consent.CONSENTED);
    }

    private Party party(Dispute d, Party.Role role, Party.Kind kind, String name, String phone, int position) {
        Party p = new Party();
        p.id = UUID.randomUUID();
        p.disputeId = d.id;
        p.role = role;
        p.kind = kind;
        p.nameCipher = seal.seal(name, "party.name", p.id);
        p.phoneCipher = phone == null ? null : seal.seal(phone, "party.phone", p.id);
        p.consent = Party.Consent.PENDING;
        p.position = position;
        return p;
    }

    private String invitationCode() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            s.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return s.toString();
    }

    static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
