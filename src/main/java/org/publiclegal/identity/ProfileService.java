package org.publiclegal.identity;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.PersonalData.Details;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Residents' real-name profiles. The owner sees their details in the clear; staff see them masked, and an
 * unmasked read by staff is written to the audit log in the same transaction.
 */
@ApplicationScoped
public class ProfileService {

    private final AccountRepository accounts;
    private final ResidentProfileRepository profiles;
    private final PersonalData personalData;
    private final OrganisationService directory;
    private final AuditTrail audit;
    private final Clock clock;

    public ProfileService(AccountRepository accounts, ResidentProfileRepository profiles, PersonalData personalData,
                          OrganisationService directory, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.personalData = personalData;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** An account with its profile details (owner's view: unmasked), the profile absent if not filled in. */
    public record AccountWithProfile(Account account, Details profile) {
    }

    public Uni<AccountWithProfile> me(UUID accountId) {
        return accounts.findById(accountId).onItem().ifNull().failWith(() -> new NotFound("账号", accountId))
                .chain(account -> profiles.findById(accountId)
                        .map(p -> new AccountWithProfile(account, p == null ? null : personalData.open(p))));
    }

    /** The resident's real name, or null without a profile (other features name the applicant with it). */
    public Uni<String> realName(UUID accountId) {
        // the one column, not the profile with its sealed columns as a managed entity (a submission reads it)
        return profiles.getSession().chain(s -> s.createSelectionQuery(
                        "select p.realName from ResidentProfile p where p.accountId = :a", String.class)
                .setParameter("a", accountId).getResultList())
                .map(names -> names.isEmpty() ? null : names.get(0));
    }

    /** Whether the resident has filled in their real-name details (needed before applying for anything). */
    public Uni<Boolean> hasCompleteProfile(UUID accountId) {
        return profiles.count("accountId", accountId).map(n -> n > 0);
    }

    /** Sets the resident's real-name details; the home village must be a village/community that exists. */
    @WithTransaction
    public Uni<Details> updateOwnProfile(UUID accountId, String realName, String idNumber, String mobile,
                                         String address, String homeVillageCode, Actor actor) {
        if (RegionCodes.levelOf(homeVillageCode) != RegionCodes.Level.VILLAGE) {
            throw DomainException.invalidField("homeVillageCode", "请选择村（社区）一级的行政区划");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), TimeSource.CHINA);
        return directory.registerStanding(homeVillageCode, today).chain(standing -> {
            if (standing == OrganisationService.RegisterStanding.UNKNOWN) {
                throw DomainException.invalidField("homeVillageCode", "行政区划 " + homeVillageCode + " 不存在");
            }
            if (standing == OrganisationService.RegisterStanding.OFF_REGISTER) {
                throw DomainException.invalidField("homeVillageCode", "行政区划 " + homeVillageCode
                        + " 已撤销（合并或停用），请选择现在的村（社区）");
            }
            return accounts.findById(accountId);
        }).chain(account -> {
            if (account == null || account.kind != AccountKind.RESIDENT) {
                throw DomainException.forbidden("只有群众账号可以填写实名信息");
            }
            account.regionCode = homeVillageCode;
            account.displayName = realName;
            return profiles.findById(accountId).chain(existing -> {
                ResidentProfile p = existing != null ? existing : new ResidentProfile();
                p.accountId = accountId;
                personalData.seal(p, realName, idNumber, mobile, address, homeVillageCode, clock.instant());
                return existing != null ? Uni.createFrom().item(p) : profiles.persist(p);
            });
        }).call(p -> audit.record(actor, "PROFILE_UPDATED", "resident", accountId, homeVillageCode, null))
                .map(personalData::open);
    }

    /** A resident's profile: unmasked for its owner, masked for staff in scope, 404 for anyone else. */
    public Uni<Details> view(UUID residentId, AccessScope scope) {
        return visibleProfile(residentId, scope).map(p -> scope.isResident()
                ? personalData.open(p) : personalData.open(p).masked());
    }

    /** A resident's profile unmasked for staff, with the reason recorded in the audit log. */
    @WithTransaction
    public Uni<Details> unmaskedForStaff(UUID residentId, String reason, AccessScope scope, Actor actor) {
        if (scope.isResident()) {
            throw new NotFound("群众", residentId);
        }
        return visibleProfile(residentId, scope)
                .call(p -> audit.record(actor, "PERSONAL_DATA_READ", "resident", residentId, p.homeVillageCode,
                        "reason: " + reason))
                .map(personalData::open);
    }

    private Uni<ResidentProfile> visibleProfile(UUID residentId, AccessScope scope) {
        return profiles.findById(residentId)
                .map(p -> scope.requireVisible(p, p == null ? null : p.accountId,
                        p == null ? null : p.homeVillageCode, "群众", residentId));
    }

    /** Residents whose home village lies in the staff member's scope (optionally one village), masked. */
    public Uni<CursorPage<Details>> residents(AccessScope scope, String village, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        AccessScope.Filter filter = scope.filter(null, "p.homeVillageCode");
        StringBuilder q = new StringBuilder(filter.predicate());
        Map<String, Object> params = new HashMap<>(filter.parameters());
        if (village != null) {
            q.append(" and p.homeVillageCode = :village");
            params.put("village", village);
        }
        if (!after.isEmpty()) {
            q.append(" and (p.homeVillageCode > :av or (p.homeVillageCode = :av and p.accountId > :aid))");
            params.put("av", after.get(0));
            try {
                params.put("aid", UUID.fromString(after.get(1)));
            } catch (IllegalArgumentException e) {
                throw Cursor.invalid();
            }
        }
        return profiles.page(q.toString(), params, limit)
                .map(rows -> CursorPage.of(rows, limit, p -> Cursor.encode(p.homeVillageCode, p.accountId),
                        p -> personalData.open(p).masked()));
    }
}
