package org.publiclegal.onboarding;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import jakarta.inject.Inject;
import org.publiclegal.advisory.ContractService;
import org.publiclegal.identity.Account;
import org.publiclegal.identity.SignInLinkToken;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.TestClock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.publiclegal.onboarding.ImportFlowTest.confirm;
import static org.publiclegal.onboarding.ImportFlowTest.importClean;
import static org.publiclegal.onboarding.ImportFlowTest.settled;
import static org.publiclegal.onboarding.ImportFlowTest.upload;

/**
 * 导入 of advisors and their contracts, of committee memberships and of staff with a sealed mobile and one-time
 * sign-in links, over HTTP: the coverage figures of the months the contracts covered, the mediators counted as of
 * the membership dates, the same file twice, a file with errors, the link used once.
 */
@QuarkusTest
class RegisterImportFlowTest {

    @Inject
    ContractService contracts;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static int lastYear() {
        return TestClock.today().getYear() - 1;
    }

    static String mobile() {
        return "13" + (7 + ThreadLocalRandom.current().nextInt(3)) + String.format("%08d",
                ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String username(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    static long count(String sql, Object... params) {
        return ((Number) Fixtures.sql("select count(*), 0 from (" + sql + ") x", params).get(0)[0]).longValue();
    }

    private static List<String> coverageEvents(String village) {
        return Fixtures.sql("select occurred_at, quantity from ledger_event where kind = 'ADVISORY_VILLAGE_COVERED' "
                        + "and region_code = ?1 order by occurred_at, id", village).stream()
                .map(r -> {
                    Instant at = r[0] instanceof OffsetDateTime o ? o.toInstant() : (Instant) r[0];
                    int q = ((Number) r[1]).intValue();
                    return LocalDate.ofInstant(at, TimeSource.CHINA) + ":" + (q > 0 ? "+" : "") + q;
                }).toList();
    }

    private static String signingRate(Fixtures.County c, String region, LocalDate month) {
        JsonPath json = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", region)
                .queryParam("from", month.toString()).queryParam("to", month.plusMonths(1).minusDays(1).toString())
                .queryParam("keys", "advisory.signing_rate").get("/api/metrics").then().statusCode(200)
                .extract().jsonPath();
        Object v = json.getList("values.value").get(0);
        return v == null ? null : new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
    }

    /** A LAWYER account of the county's law firm, imported with its mobile, and registered as an advisor. */
    private static String importAdvisor(Fixtures.County c) {
        String lawyer = username("lawyer");
        importClean(c.bureauAdmin(), ImportKind.STAFF, Templates.xlsx(ImportKind.STAFF, List.of(
                row(lawyer, "赵顾问", "律师", c.lawFirm().name, c.county(), mobile()))), 1);
        String licence = "1" + String.format("%016d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
        importClean(c.bureauAdmin(), ImportKind.ADVISORS, Templates.xlsx(ImportKind.ADVISORS, List.of(
                row(lawyer, "赵顾问", "律师", licence, "2012"))), 1);
        return lawyer;
    }

    @Test
    void advisorsAndContractsImportedGiveTheMonthsTheyCoveredTheirCoverage() {
        Fixtures.County c = Fixtures.county();
        String lawyer = importAdvisor(c);
        UUID advisorId = Fixtures.column("select a.account_id from adv_advisor a join staff_credential s "
                + "on s.account_id = a.account_id where s.username = ?1", UUID.class, lawyer).get(0);
        int y = lastYear();
        byte[] contracts = Templates.xlsx(ImportKind.CONTRACTS, List.of(
                row(lawyer, c.villageA1() + "、" + c.villageA2(), y + "-01-01", y + "-06-30", (y - 1) + "-12-20", "", ""),
                row(lawyer, c.villageA1(), y + "/7/1", (y + 2) + "-06-30", y + "年6月25日", "8", "2")));
        importClean(c.bureauAdmin(), ImportKind.CONTRACTS, contracts, 2);

        assertEquals(2, count("select 1 from adv_contract where advisor_id = ?1", advisorId));
        assertEquals(List.of(y + "-01-01:+1"), coverageEvents(c.villageA1()), "renewed on the day the first ended");
        assertEquals(List.of(y + "-01-01:+1", y + "-07-01:-1"), coverageEvents(c.villageA2()));
        assertEquals("100", signingRate(c, c.townshipA(), LocalDate.of(y, 3, 1)));
        assertEquals("50", signingRate(c, c.townshipA(), LocalDate.of(y, 9, 1)));
        assertEquals("33.3", signingRate(c, c.county(), LocalDate.of(y, 9, 1)));
        assertEquals("0", signingRate(c, c.townshipA(), LocalDate.of(y - 1, 12, 1)), "signed in December, in force in January");

        // the same file again: nothing new
        String again = upload(c.bureauAdmin(), ImportKind.CONTRACTS, contracts).getString("id");
        JsonPath checked = settled(c.bureauAdmin(), again);
        assertEquals("VALIDATED", checked.getString("status"), checked::prettify);
        assertEquals(0, checked.getInt("rowsNew"));
        assertEquals(2, checked.getInt("rowsExisting"));
        confirm(c.bureauAdmin(), again);
        assertEquals("DONE", settled(c.bureauAdmin(), again).getString("status"));
        assertEquals(2, count("select 1 from adv_contract where advisor_id = ?1", advisorId));
        assertEquals(List.of(y + "-01-01:+1", y + "-07-01:-1"), coverageEvents(c.villageA2()));

        // a file with errors: all reported, nothing written
        byte[] bad = Templates.xlsx(ImportKind.CONTRACTS, List.of(
                row("nobody-" + UUID.randomUUID().toString().substring(0, 6), c.villageB1(), y + "-01-01", y + "-12-31",
                        y + "-01-01", "", ""),
                row(lawyer, c.villageB1(), y + "-03-01", y + "-12-31", y + "-02-20", "", ""),
                row(lawyer, c.villageA1(), y + "-01-01", y + "-02-28", y + "-01-10", "", ""),
                row(lawyer, c.villageB1(), y + "-05-01", y + "-04-30", y + "-04-01", "", ""),
                row(lawyer, c.villageB1() + "、" + RegionCodes.prefix(c.county()).substring(0, 2) + "9999101201",
                        y + "-05-01", y + "-06-30", y + "-04-01", "0", "")));
        String rejected = upload(c.bureauAdmin(), ImportKind.CONTRACTS, bad).getString("id");
        JsonPath report = settled(c.bureauAdmin(), rejected);
        assertEquals("REJECTED", report.getString("status"));
        List<Map<String, Object>> errors = given().auth().oauth2(Fixtures.token(c.bureauAdmin()))
                .get("/api/imports/" + rejected + "/errors").then().statusCode(200).extract().jsonPath().getList("items");
        List<String> where = errors.stream().map(e -> e.get("row") + " " + e.get("column")).toList();
        assertTrue(where.contains("2 法律顾问用户名"), where::toString);
        assertTrue(where.contains("4 签订日期"), () -> "signed before the day 甲一村 is written through: " + where);
        assertTrue(errors.stream().anyMatch(e -> ((String) e.get("message")).contains("村（社区）" + c.villageA1()
                + "：该村（社区）的法律顾问覆盖情况已记录至 " + TestClock.today())), errors::toString);
        assertTrue(where.contains("5 合同截止日期"), where::toString);
        assertTrue(where.contains("6 服务村（社区）代码"), where::toString);
        assertTrue(where.contains("6 每月驻村服务小时"), where::toString);
        assertEquals(5, report.getInt("errorCount"), errors::toString);
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).post("/api/imports/" + rejected + "/confirm")
                .then().statusCode(409);
        assertEquals(0, count("select 1 from adv_contract_village where village_code = ?1", c.villageB1()));
        assertEquals(List.of(), coverageEvents(c.villageB1()));
    }

    /** Four contracts of three villages, in signing order (R1 R3 R2 R4) or not, for a county's advisor. */
    private static List<List<String>> contractRows(Fixtures.County c, String lawyer, boolean sorted) {
        int y = lastYear();
        List<String> r1 = row(lawyer, c.villageA1() + "、" + c.villageA2(), y + "-01-01", y + "-06-30", (y - 1) + "-12-20", "", "");
        List<String> r2 = row(lawyer, c.villageA1(), y + "-07-01", (y + 2) + "-06-30", y + "-06-25", "8", "2");
        List<String> r3 = row(lawyer, c.villageB1(), y + "-03-01", y + "-08-31", y + "-02-20", "", "");
        List<String> r4 = row(lawyer, c.villageA2(), y + "-09-01", (y + 1) + "-08-31", y + "-08-15", "", "");
        return sorted ? List.of(r1, r3, r2, r4) : List.of(r4, r2, r3, r1);
    }

    /** A county's coverage events with its own codes replaced by their roles, to compare two counties. */
    private static List<String> coverageOf(Fixtures.County c) {
        List<String> all = new ArrayList<>();
        for (String v : List.of(c.villageA1(), c.villageA2(), c.villageB1())) {
            String name = v.equals(c.villageA1()) ? "A1" : v.equals(c.villageA2()) ? "A2" : "B1";
            coverageEvents(v).forEach(e -> all.add(name + " " + e));
        }
        return all;
    }

    @Test
    void contractsInAnyOrderImportAsTheSortedFileDoes() {
        Fixtures.County sorted = Fixtures.county();
        Fixtures.County shuffled = Fixtures.county();
        importClean(sorted.bureauAdmin(), ImportKind.CONTRACTS,
                Templates.xlsx(ImportKind.CONTRACTS, contractRows(sorted, importAdvisor(sorted), true)), 4);
        importClean(shuffled.bureauAdmin(), ImportKind.CONTRACTS,
                Templates.xlsx(ImportKind.CONTRACTS, contractRows(shuffled, importAdvisor(shuffled), false)), 4);

        int y = lastYear();
        List<String> expected = List.of("A1 " + y + "-01-01:+1", "A2 " + y + "-01-01:+1", "A2 " + y + "-07-01:-1",
                "A2 " + y + "-09-01:+1", "A2 " + (y + 1) + "-09-01:-1", "B1 " + y + "-03-01:+1", "B1 " + y + "-09-01:-1")
                .stream().filter(e -> !LocalDate.parse(e.substring(3, 13)).isAfter(TestClock.today())).toList();
        assertEquals(expected, coverageOf(sorted));
        assertEquals(coverageOf(sorted), coverageOf(shuffled), "the sheet's order changes nothing");
        for (int month = 1; month <= 12; month++) {
            LocalDate first = LocalDate.of(y, month, 1);
            for (boolean county : List.of(true, false)) {
                String a = signingRate(sorted, county ? sorted.county() : sorted.townshipA(), first);
                String b = signingRate(shuffled, county ? shuffled.county() : shuffled.townshipA(), first);
                assertEquals(a, b, first + (county ? " county" : " township"));
            }
        }
        assertEquals("50", signingRate(shuffled, shuffled.townshipA(), LocalDate.of(y, 8, 1)), "A1 renewed, A2 ended");
        assertEquals("100", signingRate(shuffled, shuffled.townshipA(), LocalDate.of(y, 9, 1)), "A2 again");
        assertEquals("66.7", signingRate(shuffled, shuffled.county(), LocalDate.of(y, 2, 1)), "B1 from March");
    }

    @Test
    void theCoverageSyncLeavesTheVillagesOfARunningContractImportAlone() {
        Fixtures.County c = Fixtures.county();
        String lawyer = importAdvisor(c);
        int y = lastYear();
        List<String> first = row(lawyer, c.villageA1(), y + "-02-01", y + "-03-31", y + "-01-10", "", "");
        List<String> second = row(lawyer, c.villageA1(), y + "-06-01", y + "-12-31", y + "-05-10", "", "");
        String id = upload(c.bureauAdmin(), ImportKind.CONTRACTS,
                Templates.xlsx(ImportKind.CONTRACTS, List.of(second, first))).getString("id");
        assertEquals("VALIDATED", settled(c.bureauAdmin(), id).getString("status"));

        // half done on another replica: confirmed, its first batch (the contract signed in January) written
        Fixtures.run(s -> s.createNativeQuery("""
                        update onboarding_import set status = 'IMPORTING', confirmed_at = now(), claimed_by = 'other-replica',
                            claimed_at = now() + interval '1 day' where id = ?1""")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        Account admin = c.bureauAdmin();
        AccessScope scope = new AccessScope(admin.id, admin.roleSet(), admin.organisationId, admin.regionCode);
        UUID advisorId = Fixtures.column("select account_id from staff_credential where username = ?1", UUID.class, lawyer).get(0);
        UUID contract = Fixtures.run(s -> contracts.signAsOf(new ContractService.Terms(advisorId, List.of(c.villageA1()),
                        LocalDate.of(y, 2, 1), LocalDate.of(y, 3, 31), null, null), scope,
                new Actor(admin.id, admin.roles, null), LocalDate.of(y, 1, 10)).map(x -> x.contractId()));
        String key = RowKey.of(ImportKind.CONTRACTS, List.of(lawyer.toLowerCase(), c.villageA1(), y + "-02-01", y + "-03-31"));
        Fixtures.run(s -> s.createNativeQuery("""
                        insert into onboarding_imported_record (kind, row_key, import_id, row_no, record_type, record_id, imported_at)
                        values ('CONTRACTS', ?1, ?2, 3, 'adv_contract', ?3, now())""")
                .setParameter(1, key).setParameter(2, UUID.fromString(id)).setParameter(3, contract.toString())
                .executeUpdate());
        assertEquals(List.of(LocalDate.of(y, 1, 10)), Fixtures.column(
                "select synced_on from adv_village_coverage where village_code = ?1", LocalDate.class, c.villageA1()));

        // the midnight job (or its manual run): 甲一村 is due (its contract began and ended since), but held
        given().auth().oauth2(Fixtures.systemAdminToken(c)).post("/api/advisor/coverage/sync").then().statusCode(200);
        assertEquals(List.of(LocalDate.of(y, 1, 10)), Fixtures.column(
                "select synced_on from adv_village_coverage where village_code = ?1", LocalDate.class, c.villageA1()),
                "not synced through today while the import runs");
        assertEquals(List.of(), coverageEvents(c.villageA1()));

        // the other replica's claim lapses; this one resumes: the May contract goes in as of its day
        Fixtures.run(s -> s.createNativeQuery("update onboarding_import set claimed_at = null, claimed_by = null where id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        JsonPath done = settled(c.bureauAdmin(), id);
        assertEquals("DONE", done.getString("status"), done::prettify);
        assertEquals(List.of(y + "-02-01:+1", y + "-04-01:-1", y + "-06-01:+1", (y + 1) + "-01-01:-1"),
                coverageEvents(c.villageA1()));
        assertEquals(List.of(TestClock.today()), Fixtures.column(
                "select synced_on from adv_village_coverage where village_code = ?1", LocalDate.class, c.villageA1()));
        assertEquals("0", signingRate(c, c.townshipA(), LocalDate.of(y, 5, 1)));
        assertEquals("50", signingRate(c, c.townshipA(), LocalDate.of(y, 6, 1)));
    }

    @Test
    void aJudicialOfficeImportsContractsOnlyForItsTownshipsVillages() {
        Fixtures.County c = Fixtures.county();
        String lawyer = importAdvisor(c);
        int y = lastYear();
        String id = upload(c.officeStaffA(), ImportKind.CONTRACTS, Templates.xlsx(ImportKind.CONTRACTS, List.of(
                row(lawyer, c.villageA1(), y + "-01-01", y + "-12-31", y + "-01-01", "", ""),
                row(lawyer, c.villageB1(), y + "-01-01", y + "-12-31", y + "-01-01", "", "")))).getString("id");
        JsonPath report = settled(c.officeStaffA(), id);
        assertEquals("REJECTED", report.getString("status"));
        assertEquals(1, report.getInt("errorCount"));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/imports/" + id + "/errors").then()
                .statusCode(200).body("items[0].row", equalTo(3)).body("items[0].column", equalTo("服务村（社区）代码"));
    }

    @Test
    void membershipsImportedCountTheMediatorsAsOfTheirDates() {
        Fixtures.County c = Fixtures.county();
        int y = lastYear();
        Fixtures.run(s -> s.createNativeQuery("update organisation set valid_from = ?1 where id in (?2, ?3)")
                .setParameter(1, LocalDate.of(y - 1, 1, 1)).setParameter(2, c.committeeA().id)
                .setParameter(3, c.villageCommitteeA1().id).executeUpdate());
        String m1 = username("med");
        String m2 = username("med");
        String mobile1 = mobile();
        String mobile2 = mobile();
        importClean(c.bureauAdmin(), ImportKind.STAFF, Templates.xlsx(ImportKind.STAFF, List.of(
                row(m1, "钱调解", "调解员", c.villageCommitteeA1().name, c.villageA1(), mobile1),
                row(m2, "孙调解", "调解员", c.committeeA().name, c.townshipA(), mobile2))), 2);
        UUID id1 = Fixtures.column("select account_id from staff_credential where username = ?1", UUID.class, m1).get(0);

        // the mobile is sealed at rest and masked in the list
        Object[] sealed = Fixtures.sql("select mobile_cipher, mobile_key_id from account where id = ?1", id1).get(0);
        assertNotNull(sealed[0]);
        assertFalse(sealed[0].toString().contains(mobile1));
        assertEquals(0, count("select 1 from account where mobile_cipher like ?1", "%" + mobile1.substring(3) + "%"));
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("organisation", c.villageCommitteeA1().id)
                .get("/api/staff").then().statusCode(200)
                .body("items[0].username", equalTo(m1))
                .body("items[0].mobileMasked", equalTo(mobile1.substring(0, 3) + "****" + mobile1.substring(7)));
        // in the clear only through an audited read with a reason, and only inside the reader's area
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("reason", "核对调解员联系方式")
                .get("/api/staff/" + id1 + "/personal-data").then().statusCode(200).body("mobile", equalTo(mobile1));
        given().auth().oauth2(Fixtures.token(c.officeStaffB())).queryParam("reason", "核对")
                .get("/api/staff/" + id1 + "/personal-data").then().statusCode(404);
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/staff/" + id1 + "/personal-data").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        assertEquals(1, count("select 1 from audit_log where action = 'STAFF_PERSONAL_DATA_READ' and object_id = ?1",
                id1.toString()));

        byte[] file = Templates.xlsx(ImportKind.MEMBERSHIPS, List.of(
                row(m1, "", "", c.committeeA().name, c.townshipA(), y + "-01-01", y + "-07-01", "村委换届"),
                row("", "孙调解", mobile2, c.committeeA().name, c.townshipA(), y + "-03-01", "", ""),
                row(m1, "", "", c.villageCommitteeA1().name, c.villageA1(), y + "-07-01", "", "调任村调委会")));
        importClean(c.bureauAdmin(), ImportKind.MEMBERSHIPS, file, 3);

        String lo = RegionCodes.lowerBound(c.townshipA());
        String hi = RegionCodes.upperBound(c.townshipA());
        String mediators = "select * from register_mediators(?1, ?2, ?3)";
        assertEquals(0, count(mediators, lo, hi, LocalDate.of(y - 1, 12, 31)));
        assertEquals(1, count(mediators, lo, hi, LocalDate.of(y, 2, 1)));
        assertEquals(2, count(mediators, lo, hi, LocalDate.of(y, 4, 1)));
        assertEquals(2, count(mediators, lo, hi, LocalDate.of(y, 8, 1)));
        assertEquals(1, count("select * from register_mediators(?1, ?2, ?3) where organisation_id = ?4", lo, hi,
                LocalDate.of(y, 8, 1), c.committeeA().id), "钱调解 moved to the village committee on 1 July");
        assertEquals(LocalDate.of(y, 1, 1), Fixtures.column("select valid_from from account where id = ?1",
                LocalDate.class, id1).get(0), "the account serves from its first membership");
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).get("/api/staff/" + id1 + "/memberships").then()
                .statusCode(200).body("items.size()", equalTo(2));

        // the same file again: nothing new
        String again = upload(c.bureauAdmin(), ImportKind.MEMBERSHIPS, file).getString("id");
        JsonPath checked = settled(c.bureauAdmin(), again);
        assertEquals("VALIDATED", checked.getString("status"), checked::prettify);
        assertEquals(0, checked.getInt("rowsNew"));
        assertEquals(3, checked.getInt("rowsExisting"));
        confirm(c.bureauAdmin(), again);
        assertEquals("DONE", settled(c.bureauAdmin(), again).getString("status"));
        assertEquals(3, count("select 1 from committee_membership m join staff_credential s on s.account_id = m.account_id "
                + "where s.username in (?1, ?2)", m1, m2));

        // a file with errors: all reported, nothing written
        String rejected = upload(c.bureauAdmin(), ImportKind.MEMBERSHIPS, Templates.xlsx(ImportKind.MEMBERSHIPS, List.of(
                row(username("nobody"), "", "", c.committeeA().name, c.townshipA(), y + "-01-01", "", ""),
                row(m1, "", "", c.committeeA().name, c.townshipA(), y + "-02-01", y + "-03-01", ""),
                row(m2, "", "", "没有的调委会", c.townshipA(), y + "-01-01", "", ""),
                row("", "孙调解", "13000000000", c.committeeA().name, c.townshipA(), (y - 1) + "-03-01", (y - 1) + "-03-01", ""),
                row(m2, "", "", c.committeeB().name, c.townshipB(), (y - 1) + "-01-01", (y - 1) + "-02-01", "未在册")))).getString("id");
        JsonPath report = settled(c.bureauAdmin(), rejected);
        assertEquals("REJECTED", report.getString("status"));
        List<Map<String, Object>> errors = given().auth().oauth2(Fixtures.token(c.bureauAdmin()))
                .get("/api/imports/" + rejected + "/errors").then().statusCode(200).extract().jsonPath().getList("items");
        List<String> where = new ArrayList<>(errors.stream().map(e -> e.get("row") + " " + e.get("column")).toList());
        assertEquals(List.of("2 用户名", "3 加入日期", "4 调委会名称", "5 手机号", "5 退出日期", "6 加入日期"), where,
                errors::toString);
        assertEquals(3, count("select 1 from committee_membership m join staff_credential s on s.account_id = m.account_id "
                + "where s.username in (?1, ?2)", m1, m2));
    }

    @Test
    void organisationsImportedWithTheirFoundingDayTakeEarlierMembershipsAndCountFromThatDay() {
        Fixtures.County c = Fixtures.county();
        LocalDate today = TestClock.today();
        LocalDate founded = today.minusYears(1);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String dated = "甲二社区人民调解委员会" + suffix;
        String undated = "甲镇物业纠纷人民调解委员会" + suffix;
        importClean(c.bureauAdmin(), ImportKind.ORGANISATIONS, Templates.xlsx(ImportKind.ORGANISATIONS, List.of(
                row("人民调解委员会", "村（居）", dated, c.villageA2(), "", "", founded.toString()),
                row("人民调解委员会", "行业性专业性", undated, c.townshipA(), "", "", ""))), 2);
        UUID datedId = Fixtures.column("select id from organisation where name = ?1", UUID.class, dated).get(0);
        UUID undatedId = Fixtures.column("select id from organisation where name = ?1", UUID.class, undated).get(0);
        assertEquals(founded, Fixtures.column("select valid_from from organisation where id = ?1", LocalDate.class,
                datedId).get(0));
        assertEquals(today, Fixtures.column("select valid_from from organisation where id = ?1", LocalDate.class,
                undatedId).get(0), "without 成立日期: on the register from the import day, as before");
        assertEquals(1, count("select 1 from audit_log where action = 'ORGANISATION_CREATED' and object_id = ?1 "
                + "and detail like ?2", datedId.toString(), "%成立日期 " + founded + "%"));

        String m1 = username("med");
        String m2 = username("med");
        importClean(c.bureauAdmin(), ImportKind.STAFF, Templates.xlsx(ImportKind.STAFF, List.of(
                row(m1, "周调解", "调解员", dated, c.villageA2(), mobile()),
                row(m2, "吴调解", "调解员", undated, c.townshipA(), mobile()))), 2);
        LocalDate joined = today.minusMonths(6);
        importClean(c.bureauAdmin(), ImportKind.MEMBERSHIPS, Templates.xlsx(ImportKind.MEMBERSHIPS, List.of(
                row(m1, "", "", dated, c.villageA2(), joined.toString(), "", "调委会成立后加入"))), 1);

        String lo = RegionCodes.lowerBound(c.townshipA());
        String hi = RegionCodes.upperBound(c.townshipA());
        String committees = "select * from register_committees(?1, ?2, ?3) where organisation_id = ?4";
        assertEquals(0, count(committees, lo, hi, founded.minusDays(1), datedId));
        assertEquals(1, count(committees, lo, hi, founded, datedId));
        assertEquals(1, count(committees, lo, hi, joined.minusMonths(3), datedId));
        assertEquals(0, count(committees, lo, hi, joined.minusMonths(3), undatedId));
        String mediators = "select * from register_mediators(?1, ?2, ?3) where organisation_id = ?4";
        assertEquals(0, count(mediators, lo, hi, joined.minusDays(1), datedId));
        assertEquals(1, count(mediators, lo, hi, joined, datedId));
        assertEquals(1, count(mediators, lo, hi, joined.plusMonths(3), datedId));

        // without the column the committee is on the register only from the import day: an earlier membership is refused
        String refused = upload(c.bureauAdmin(), ImportKind.MEMBERSHIPS, Templates.xlsx(ImportKind.MEMBERSHIPS, List.of(
                row(m2, "", "", undated, c.townshipA(), joined.toString(), "", "")))).getString("id");
        assertEquals("REJECTED", settled(c.bureauAdmin(), refused).getString("status"));
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).get("/api/imports/" + refused + "/errors").then()
                .statusCode(200).body("items[0].column", equalTo("加入日期"))
                .body("items[0].message", equalTo("该调委会在 " + joined + " 不在册（在册自 " + today + "）"));

        // founding days out of bounds: all reported, nothing written
        String bad = upload(c.bureauAdmin(), ImportKind.ORGANISATIONS, Templates.xlsx(ImportKind.ORGANISATIONS, List.of(
                row("律师事务所", "", "未来律师事务所" + suffix, c.county(), "", "", today.plusDays(1).toString()),
                row("律师事务所", "", "旧律师事务所" + suffix, c.county(), "", "", "1999-12-31"),
                row("律师事务所", "", "某律师事务所" + suffix, c.county(), "", "", "去年")))).getString("id");
        assertEquals("REJECTED", settled(c.bureauAdmin(), bad).getString("status"));
        List<Map<String, Object>> errors = given().auth().oauth2(Fixtures.token(c.bureauAdmin()))
                .get("/api/imports/" + bad + "/errors").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(List.of("2 成立日期", "3 成立日期", "4 成立日期"),
                errors.stream().map(e -> e.get("row") + " " + e.get("column")).toList(), errors::toString);
        assertEquals(0, count("select 1 from organisation where name like ?1", "%律师事务所" + suffix));

        // the same over the API
        String body = "{\"type\":\"LAW_FIRM\",\"name\":\"%s\",\"regionCode\":\"" + c.county() + "\",\"validFrom\":\"%s\"}";
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(String.format(body, "明日律师事务所" + suffix, today.plusDays(1))).post("/api/organisations").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("validFrom"));
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(String.format(body, "旧律师事务所" + suffix, "1999-12-31")).post("/api/organisations").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("validFrom"));
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(String.format(body, "老律师事务所" + suffix, founded)).post("/api/organisations").then()
                .statusCode(201).body("validFrom", equalTo(founded.toString()));
        // not before its region is on the register (a village formed by a merger half a year ago)
        String village = c.county().substring(0, 6) + "101203";
        given().auth().oauth2(Fixtures.systemAdminToken(c)).contentType(ContentType.JSON)
                .body("{\"code\":\"" + village + "\",\"name\":\"甲三村\",\"validFrom\":\"" + joined + "\"}")
                .post("/api/regions").then().statusCode(201);
        String committee = "{\"type\":\"MEDIATION_COMMITTEE\",\"committeeKind\":\"VILLAGE\",\"name\":\"甲三村人民调解委员会"
                + suffix + "\",\"regionCode\":\"" + village + "\",\"validFrom\":\"%s\"}";
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(String.format(committee, joined.minusDays(1))).post("/api/organisations").then()
                .statusCode(400).body("errors[0].field", equalTo("validFrom"))
                .body("errors[0].message", equalTo("成立日期不能早于所在行政区划的在册日期 " + joined));
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(String.format(committee, joined)).post("/api/organisations").then()
                .statusCode(201).body("validFrom", equalTo(joined.toString()));
    }

    @Test
    void aStaffImportHandsOutOneTimeSignInLinksThatWorkOnce() {
        Fixtures.County c = Fixtures.county();
        String first = username("link");
        String second = username("link");
        String id = upload(c.bureauAdmin(), ImportKind.STAFF, Templates.xlsx(ImportKind.STAFF, List.of(
                row(first, "周所员", "司法所工作人员", c.officeA().name, c.townshipA(), ""),
                row(second, "吴所员", "司法所工作人员", c.officeA().name, c.townshipA(), mobile())))).getString("id");
        assertEquals("VALIDATED", settled(c.bureauAdmin(), id).getString("status"));
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("firstSignIn", "EMAIL")
                .post("/api/imports/" + id + "/confirm").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        JsonPath confirmed = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("firstSignIn", "LINK")
                .post("/api/imports/" + id + "/confirm").then().statusCode(202).extract().jsonPath();
        assertEquals(List.of(), confirmed.getList("initialPasswords"));
        List<Map<String, Object>> links = confirmed.getList("signInLinks");
        assertEquals(2, links.size());
        assertEquals("DONE", settled(c.bureauAdmin(), id).getString("status"));
        String token = (String) links.stream().filter(l -> first.equals(l.get("username"))).findFirst().orElseThrow()
                .get("token");
        String other = (String) links.stream().filter(l -> second.equals(l.get("username"))).findFirst().orElseThrow()
                .get("token");
        Instant expires = Instant.parse((String) links.get(0).get("expiresAt"));
        assertTrue(expires.isAfter(TestClock.now().plusSeconds(6 * 86_400)), "about 7 days");

        // only the hash is stored
        assertEquals(0, count("select 1 from staff_sign_in_link where token_hash = ?1 or username = ?1", token));
        assertEquals(1, count("select 1 from staff_sign_in_link where token_hash = ?1 and username = ?2",
                SignInLinkToken.hash(token), first));

        // nobody knows a password yet: the account opens only with the link
        given().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", "Zhou-2026-link"))
                .post("/api/auth/sign-in-link").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("username", first, "password", "Zhou-2026-link"))
                .post("/api/auth/staff").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", "Other-2026-pass"))
                .post("/api/auth/sign-in-link").then().statusCode(410).contentType("application/problem+json")
                .body("code", equalTo("SIGN_IN_LINK_USED"));
        given().contentType(ContentType.JSON).body(Map.of("username", first, "password", "Zhou-2026-link"))
                .post("/api/auth/staff").then().statusCode(200);

        // an unknown token, and an expired one
        given().contentType(ContentType.JSON).body(Map.of("token", SignInLinkToken.newToken(new java.security.SecureRandom()),
                        "newPassword", "Wu-2026-password")).post("/api/auth/sign-in-link").then().statusCode(400)
                .body("code", equalTo("SIGN_IN_LINK_UNKNOWN"));
        given().contentType(ContentType.JSON).body(Map.of("token", "short", "newPassword", "Wu-2026-password"))
                .post("/api/auth/sign-in-link").then().statusCode(400).body("code", equalTo("SIGN_IN_LINK_UNKNOWN"));
        OffsetDateTime past = OffsetDateTime.ofInstant(TestClock.now().minusSeconds(1), java.time.ZoneOffset.UTC);
        Fixtures.run(s -> s.createNativeQuery("update staff_sign_in_link set expires_at = ?1 where token_hash = ?2")
                .setParameter(1, past).setParameter(2, SignInLinkToken.hash(other)).executeUpdate());
        given().contentType(ContentType.JSON).body(Map.of("token", other, "newPassword", "Wu-2026-password"))
                .post("/api/auth/sign-in-link").then().statusCode(410).body("code", equalTo("SIGN_IN_LINK_EXPIRED"));
        given().contentType(ContentType.JSON).body(Map.of("token", other, "newPassword", "short"))
                .post("/api/auth/sign-in-link").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        assertEquals(1, count("select 1 from audit_log where action = 'STAFF_PASSWORD_SET_BY_LINK' and object_id = ?1",
                Fixtures.column("select account_id from staff_credential where username = ?1", UUID.class, first)
                        .get(0).toString()));
    }
}
