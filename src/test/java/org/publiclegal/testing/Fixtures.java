package org.publiclegal.testing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import org.publiclegal.identity.Account;
import org.publiclegal.identity.AuthService;
import org.publiclegal.identity.StaffCredential;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.region.OrganisationType.CommitteeKind;
import org.publiclegal.region.Region;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Builds an isolated county per test (unique region codes), with two townships and their organisations,
 * persisted directly; and signs access tokens for its staff and residents.
 */
public final class Fixtures {

    public static final String STAFF_PASSWORD = "test-pass-2026";
    private static final AtomicInteger COUNTIES = new AtomicInteger();

    private Fixtures() {
    }

    /** A test county: townships A and B, each with a 司法所, a committee and two villages. */
    public record County(String province, String city, String county, String townshipA, String townshipB,
                         String villageA1, String villageA2, String villageB1,
                         Organisation bureau, Organisation aidCentre, Organisation officeA, Organisation officeB,
                         Organisation committeeA, Organisation committeeB, Organisation villageCommitteeA1,
                         Organisation lawFirm,
                         Account bureauAdmin, Account officeStaffA, Account officeStaffB, Account aidOfficer) {
    }

    public static County county() {
        int n = COUNTIES.incrementAndGet();
        String province = "61";
        String city = province + String.format("%02d", 1 + n / 90);
        String county = city + String.format("%02d", 10 + n % 90);
        String c = county + "000000";
        String tA = county + "101000";
        String tB = county + "102000";
        String vA1 = county + "101201";
        String vA2 = county + "101202";
        String vB1 = county + "102201";
        Instant now = TestClock.now();
        Organisation bureau = Organisation.create(OrganisationType.JUSTICE_BUREAU, null, "测试县司法局" + n, c, null, null, now);
        Organisation aid = Organisation.create(OrganisationType.LEGAL_AID_CENTRE, null, "测试县法律援助中心" + n, c, null, null, now);
        Organisation officeA = Organisation.create(OrganisationType.JUDICIAL_OFFICE, null, "甲镇司法所" + n, tA, null, null, now);
        Organisation officeB = Organisation.create(OrganisationType.JUDICIAL_OFFICE, null, "乙镇司法所" + n, tB, null, null, now);
        Organisation committeeA = Organisation.create(OrganisationType.MEDIATION_COMMITTEE, CommitteeKind.TOWNSHIP, "甲镇调委会" + n, tA, null, null, now);
        Organisation committeeB = Organisation.create(OrganisationType.MEDIATION_COMMITTEE, CommitteeKind.TOWNSHIP, "乙镇调委会" + n, tB, null, null, now);
        Organisation vcA1 = Organisation.create(OrganisationType.MEDIATION_COMMITTEE, CommitteeKind.VILLAGE, "甲一村调委会" + n, vA1, null, null, now);
        Organisation firm = Organisation.create(OrganisationType.LAW_FIRM, null, "测试律师事务所" + n, c, null, null, now);
        Account bureauAdmin = Account.staff("局管理员", Set.of(Roles.BUREAU_ADMIN), bureau.id, c, now);
        Account officeStaffA = Account.staff("甲所长", Set.of(Roles.JUDICIAL_OFFICE), officeA.id, tA, now);
        Account officeStaffB = Account.staff("乙所长", Set.of(Roles.JUDICIAL_OFFICE), officeB.id, tB, now);
        Account aidOfficer = Account.staff("援助员", Set.of(Roles.AID_OFFICER), aid.id, c, now);
        List<Object> rows = new ArrayList<>();
        rows.add(Region.of(c, "测试县" + n));
        rows.add(Region.of(tA, "甲镇"));
        rows.add(Region.of(tB, "乙镇"));
        rows.add(Region.of(vA1, "甲一村"));
        rows.add(Region.of(vA2, "甲二社区"));
        rows.add(Region.of(vB1, "乙一村"));
        rows.addAll(List.of(bureau, aid, officeA, officeB, committeeA, committeeB, vcA1, firm,
                bureauAdmin, officeStaffA, officeStaffB, aidOfficer));
        run(s -> ensureRegion(s, province + "0000000000", "测试省")
                .chain(() -> ensureRegion(s, city + "00000000", "测试市" + city))
                .chain(() -> s.persistAll(rows.toArray())));
        return new County(province + "0000000000", city + "00000000", c, tA, tB, vA1, vA2, vB1, bureau, aid,
                officeA, officeB, committeeA, committeeB, vcA1, firm, bureauAdmin, officeStaffA, officeStaffB, aidOfficer);
    }

    /** A staff account with a password credential, for sign-in tests. */
    public static String staffWithPassword(Organisation org, String role) {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 12);
        Account a = Account.staff("测试员", Set.of(role), org.id, org.regionCode, TestClock.now());
        StaffCredential c = new StaffCredential();
        c.accountId = a.id;
        c.username = username;
        c.passwordHash = AuthService.hashPassword(STAFF_PASSWORD, 4);
        c.changedAt = TestClock.now();
        run(s -> s.persistAll(a, c));
        return username;
    }

    /** A resident account (no profile yet) and its access token. */
    public static Account resident() {
        Account a = Account.resident("test-" + UUID.randomUUID(), null, TestClock.now());
        run(s -> s.persist(a));
        return a;
    }

    public static String token(Account a) {
        return token(a, Duration.ofMinutes(10));
    }

    public static String token(Account a, Duration ttl) {
        var b = Jwt.subject(a.id.toString()).upn(a.id.toString()).groups(a.roleSet())
                .claim(CurrentUser.CLAIM_KIND, a.kind.name()).expiresIn(ttl);
        if (a.organisationId != null) {
            b.claim(CurrentUser.CLAIM_ORGANISATION, a.organisationId.toString());
            b.claim(CurrentUser.CLAIM_REGION, a.regionCode);
        }
        return b.sign();
    }

    /** A resident with a complete real-name profile in {@code village}, made through the API. */
    public static Account residentWithProfile(String village) {
        Account a = resident();
        io.restassured.RestAssured.given().auth().oauth2(token(a)).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("realName", "和丽芳",
                        "idNumber", org.publiclegal.shared.validation.ChineseIdNumber.Validator.withCheckCharacter("53293219900101123"),
                        "mobile", "13908721234", "address", "云南省大理州鹤庆县云鹤镇示范路8号", "homeVillageCode", village))
                .put("/api/me/profile").then().statusCode(200);
        return a;
    }

    /** A LAWYER of {@code org} (a law firm or a legal aid centre). */
    public static Account lawyer(Organisation org) {
        Account a = Account.staff("承办律师", Set.of(Roles.LAWYER), org.id, org.regionCode, TestClock.now());
        run(s -> s.persist(a));
        return a;
    }

    /** A MEDIATOR of {@code committee}. */
    public static Account mediator(Organisation committee) {
        Account m = Account.staff("调解员" + UUID.randomUUID().toString().substring(0, 4), Set.of(Roles.MEDIATOR),
                committee.id, committee.regionCode, TestClock.now());
        run(s -> s.persist(m));
        return m;
    }

    /** A system administrator (of a fresh test county's bureau) with a token. */
    public static String systemAdminToken(County county) {
        Account admin = Account.staff("系统管理员", Set.of(Roles.SYSTEM_ADMIN), county.bureau().id, county.county(), TestClock.now());
        run(s -> s.persist(admin));
        return token(admin);
    }

    private static Uni<Void> ensureRegion(Mutiny.Session s, String code, String name) {
        return s.find(Region.class, code).chain(r -> r != null ? Uni.createFrom().voidItem() : s.persist(Region.of(code, name)))
                .call(s::flush);
    }

    /** Runs {@code work} in a transaction from the test thread. */
    public static <T> T run(Function<Mutiny.Session, Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    Panache.getSession().chain(s -> work.apply(s))));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Runs a native SQL query and returns its rows. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> sql(String query, Object... params) {
        return run(s -> {
            var q = s.createNativeQuery(query, Object[].class);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getResultList();
        });
    }

    /** A single-column native query. */
    public static <T> List<T> column(String query, Class<T> type, Object... params) {
        return run(s -> {
            var q = s.createNativeQuery(query, type);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getResultList();
        });
    }
}
