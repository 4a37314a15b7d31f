package org.publiclegal.onboarding;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.TestClock;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * All or nothing per file: the two checks the services make when a batch is written are made by the dry run too, so a
 * file that passes it cannot fail on its data: a legal-aid row of another centre's area, an organisation founded
 * before its region was on the register. Reported with row, column and message; nothing written.
 */
@QuarkusTest
class ImportDryRunChecksTest {

    static List<Map<String, Object>> rejected(Account who, ImportKind kind, List<List<String>> rows) {
        String id = ImportFlowTest.upload(who, kind, Templates.xlsx(kind, rows)).getString("id");
        assertEquals("REJECTED", ImportFlowTest.settled(who, id).getString("status"));
        return given().auth().oauth2(Fixtures.token(who)).get("/api/imports/" + id + "/errors").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static String described(List<Map<String, Object>> errors) {
        return String.join("\n", errors.stream().map(e -> e.get("row") + " " + e.get("column") + " " + e.get("message"))
                .toList());
    }

    @Test
    void aLegalAidRowOfAnotherCentresAreaIsARowErrorOfTheDryRun() {
        Fixtures.County c = Fixtures.county();
        // a city centre's officer covers the whole city, but a village of a county with its own centre is that
        // centre's matter
        Organisation cityCentre = Organisation.create(OrganisationType.LEGAL_AID_CENTRE, null,
                "测试市法律援助中心" + UUID.randomUUID(), c.city(), null, null, TestClock.now());
        Account officer = Account.staff("市援助员", Set.of(Roles.AID_OFFICER), cityCentre.id, c.city(), TestClock.now());
        Fixtures.run(s -> s.persistAll(cityCentre, officer));
        LocalDate d = LocalDate.of(ImportFlowTest.lastYear(), 5, 6);
        String summary = "跨中心" + UUID.randomUUID();
        List<List<String>> rows = List.of(
                row(d, c.city(), cityCentre.name, summary),
                row(d, c.villageA1(), cityCentre.name, summary));
        List<Map<String, Object>> errors = rejected(officer, ImportKind.AID_CASES, rows);
        assertEquals("3 受援人所在区划代码 该事项不属于本法律援助中心受理的区域", described(errors));
        assertEquals(0, ImportFlowTest.count("select count(*) from aid_application where entered_by = ?1", officer.id));
    }

    private static List<String> row(LocalDate received, String region, String provider, String summary) {
        return List.of(received.toString(), region, "受援人", "", "劳动报酬", "民事行政代理", "给予",
                received.plusDays(2).toString(), "", provider, "", received.plusDays(3).toString(), "", "", "", summary);
    }

    @Test
    void anOrganisationFoundedBeforeItsRegionWasOnTheRegisterIsARowErrorOfTheDryRun() {
        Fixtures.County c = Fixtures.county();
        LocalDate regionFrom = LocalDate.of(2021, 7, 1);
        Fixtures.run(s -> s.createNativeQuery("update region set valid_from = ?1 where code = ?2")
                .setParameter(1, regionFrom).setParameter(2, c.villageA2()).executeUpdate());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> rows = List.of(
                List.of("人民调解委员会", "村（居）", "甲二社区调委会" + suffix, c.villageA2(), "", "", "2021-07-01"),
                List.of("人民调解委员会", "村（居）", "甲二社区老调委会" + suffix, c.villageA2(), "", "", "2021-06-30"));
        List<Map<String, Object>> errors = rejected(c.bureauAdmin(), ImportKind.ORGANISATIONS, rows);
        assertEquals("3 成立日期 成立日期不能早于所在行政区划的在册日期 2021-07-01", described(errors));
        assertEquals(0, ImportFlowTest.count("select count(*) from organisation where name like ?1", "%" + suffix));
    }

    @Test
    void aRegisterChangedBetweenDryRunAndConfirmFailsTheImportWithTheRowAndConfirmingAgainResumes() {
        Fixtures.County c = Fixtures.county();
        LocalDate d = LocalDate.of(ImportFlowTest.lastYear(), 3, 4);
        String summary = "登记变化" + UUID.randomUUID();
        List<List<String>> rows = List.of(row(d, c.villageA1(), c.aidCentre().name, summary),
                row(d.plusDays(1), c.villageB1(), c.aidCentre().name, summary),
                row(d.plusDays(2), c.villageA2(), c.aidCentre().name, summary));
        String id = ImportFlowTest.upload(c.aidOfficer(), ImportKind.AID_CASES, Templates.xlsx(ImportKind.AID_CASES, rows))
                .getString("id");
        assertEquals("VALIDATED", ImportFlowTest.settled(c.aidOfficer(), id).getString("status"));
        // the centre leaves the register after the dry run: the service refuses the batch when it is written
        Fixtures.run(s -> s.createNativeQuery("update organisation set active = false where id = ?1")
                .setParameter(1, c.aidCentre().id).executeUpdate());
        ImportFlowTest.confirm(c.aidOfficer(), id);
        var failed = ImportFlowTest.settled(c.aidOfficer(), id);
        assertEquals("FAILED", failed.getString("status"), failed::prettify);
        // the confirmed run checks each row again as it reads it, so the change is named with its row before anything
        // of the batch is written
        assertEquals("导入中断：第 2 行“受援人所在区划代码”：该地区尚未设立法律援助中心（预检之后数据已变化，请重新上传）",
                failed.getString("failure"), failed::prettify);
        assertEquals(0, ImportFlowTest.count("select count(*) from aid_application where centre_id = ?1", c.aidCentre().id));

        Fixtures.run(s -> s.createNativeQuery("update organisation set active = true where id = ?1")
                .setParameter(1, c.aidCentre().id).executeUpdate());
        ImportFlowTest.confirm(c.aidOfficer(), id);
        assertEquals("DONE", ImportFlowTest.settled(c.aidOfficer(), id).getString("status"));
        assertEquals(3, ImportFlowTest.count("select count(*) from aid_application where centre_id = ?1", c.aidCentre().id));
    }
}
