package org.publiclegal.onboarding;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.region.Region;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.testing.Fixtures;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 导入 over HTTP: a whole county's registers from template files, a year of 台账 whose annual report equals the
 * hand-counted rows, the same file twice, a file with errors, a GB18030 CSV, closed periods and scope.
 */
@QuarkusTest
class ImportFlowTest {

    private static final AtomicInteger COUNTIES = new AtomicInteger();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static int lastYear() {
        return LocalDate.now(TimeSource.CHINA).getYear() - 1;
    }

    static JsonPath upload(Account who, ImportKind kind, byte[] file) {
        return given().auth().oauth2(Fixtures.token(who, Duration.ofMinutes(15))).contentType("application/octet-stream")
                .queryParam("kind", kind.name()).queryParam("fileName", kind.label() + ".xlsx").body(file)
                .post("/api/imports").then().statusCode(202).extract().jsonPath();
    }

    /** The import once its dry run or run has finished. */
    static JsonPath settled(Account who, String id) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = given().auth().oauth2(Fixtures.token(who)).get("/api/imports/" + id).then().statusCode(200)
                    .extract().jsonPath();
            return !Set.of("VALIDATING", "QUEUED", "IMPORTING").contains(last[0].getString("status"));
        });
        return last[0];
    }

    static JsonPath confirm(Account who, String id) {
        return given().auth().oauth2(Fixtures.token(who, Duration.ofMinutes(15))).post("/api/imports/" + id + "/confirm")
                .then().statusCode(202).extract().jsonPath();
    }

    /** Uploads, expects a clean dry run, confirms and waits for the end; answers the confirm's answer. */
    static JsonPath importClean(Account who, ImportKind kind, byte[] file, int expectNew) {
        String id = upload(who, kind, file).getString("id");
        JsonPath checked = settled(who, id);
        assertEquals("VALIDATED", checked.getString("status"), () -> checked.prettify());
        assertEquals(expectNew, checked.getInt("rowsNew"));
        JsonPath confirmed = confirm(who, id);
        JsonPath done = settled(who, id);
        assertEquals("DONE", done.getString("status"), () -> done.prettify());
        assertEquals(done.getInt("rowsTotal"), done.getInt("rowsDone"));
        return confirmed;
    }

    static long count(String sql, Object... params) {
        return Fixtures.column(sql, Long.class, params).get(0);
    }

    /** An empty county (no townships yet) with its 司法局 and a BUREAU_ADMIN. */
    record EmptyCounty(String code, Organisation bureau, Account admin) {
    }

    static EmptyCounty emptyCounty() {
        int n = COUNTIES.incrementAndGet();
        String province = "640000000000";
        String city = "640100000000";
        String county = "6401" + String.format("%02d", 10 + n) + "000000";
        Instant now = Instant.now();
        Organisation bureau = Organisation.create(OrganisationType.JUSTICE_BUREAU, null, "导入测试县司法局" + n, county,
                null, null, now);
        Account admin = Account.staff("局管理员", Set.of(Roles.BUREAU_ADMIN), bureau.id, county, now);
        Fixtures.run(s -> s.find(Region.class, province)
                .chain(p -> p != null ? io.smallrye.mutiny.Uni.createFrom().voidItem() : s.persist(Region.of(province, "导入测试省")))
                .call(s::flush)
                .chain(() -> s.find(Region.class, city))
                .chain(c -> c != null ? io.smallrye.mutiny.Uni.createFrom().voidItem() : s.persist(Region.of(city, "导入测试市")))
                .call(s::flush)
                .chain(() -> s.persistAll(Region.of(county, "导入测试县" + n), bureau, admin)));
        return new EmptyCounty(county, bureau, admin);
    }

    static String township(String county, int t) {
        return county.substring(0, 6) + String.format("%03d", 100 + t) + "000";
    }

    static String village(String county, int t, int v) {
        return county.substring(0, 6) + String.format("%03d", 100 + t) + String.format("%03d", 200 + v);
    }

    @Test
    void aCountyOf300Villages150CommitteesAnd1500StaffIsImportedFromTemplateFiles() {
        EmptyCounty c = emptyCounty();
        String prefix = c.code().substring(0, 6);
        List<List<String>> regions = new ArrayList<>();
        List<List<String>> orgs = new ArrayList<>();
        List<List<String>> staff = new ArrayList<>();
        for (int t = 1; t <= 10; t++) {
            String town = township(c.code(), t);
            regions.add(List.of(town, "第" + t + "镇"));
            orgs.add(List.of("司法所", "", "第" + t + "镇司法所", town, "", ""));
            orgs.add(List.of("人民调解委员会", "乡镇（街道）", "第" + t + "镇人民调解委员会", town, "", ""));
            for (int v = 1; v <= 30; v++) {
                regions.add(List.of(village(c.code(), t, v), "第" + t + "镇" + v + "村"));
                if (v <= 14) {
                    orgs.add(List.of("人民调解委员会", "村（居）", "第" + t + "镇" + v + "村人民调解委员会",
                            village(c.code(), t, v), "", ""));
                }
            }
        }
        assertEquals(310, regions.size());
        int committees = 0;
        for (List<String> o : orgs) {
            if (o.get(0).equals("人民调解委员会")) {
                for (int m = 1; m <= 10; m++) {
                    staff.add(List.of("m" + prefix + "-" + committees + "-" + m, "调解员" + committees + "-" + m, "调解员",
                            o.get(2), o.get(3), "1380000" + String.format("%04d", (committees * 10 + m) % 10000)));
                }
                committees++;
            }
        }
        assertEquals(150, committees);
        assertEquals(1500, staff.size());

        importClean(c.admin(), ImportKind.REGIONS, Templates.xlsx(ImportKind.REGIONS, regions), 310);
        assertEquals(300, count("select count(*) from region where code like ?1 and level = 'VILLAGE'", prefix + "%"));
        assertEquals(10, count("select count(*) from region where code like ?1 and level = 'TOWNSHIP'", prefix + "%"));

        importClean(c.admin(), ImportKind.ORGANISATIONS, Templates.xlsx(ImportKind.ORGANISATIONS, orgs), 160);
        assertEquals(150, count("select count(*) from organisation where region_code like ?1 and type = 'MEDIATION_COMMITTEE'",
                prefix + "%"));

        byte[] staffFile = Templates.xlsx(ImportKind.STAFF, staff);
        JsonPath confirmed = importClean(c.admin(), ImportKind.STAFF, staffFile, 1500);
        List<Map<String, Object>> passwords = confirmed.getList("initialPasswords");
        assertEquals(1500, passwords.size());
        assertEquals(1500, count("select count(*) from account a join organisation o on o.id = a.organisation_id "
                + "where a.region_code like ?1 and a.roles = 'MEDIATOR' and o.type = 'MEDIATION_COMMITTEE'", prefix + "%"));
        assertEquals(0, count("select count(*) from onboarding_initial_credential"), "the hashes are dropped when done");

        // a first password is handed over once and must be changed at the first sign-in
        Map<String, Object> first = passwords.get(0);
        given().contentType("application/json").body(Map.of("username", first.get("username"), "password",
                        first.get("initialPassword")))
                .post("/api/auth/staff").then().statusCode(403).body("code", equalTo("PASSWORD_CHANGE_REQUIRED"));
        given().contentType("application/json").body(Map.of("username", first.get("username"), "currentPassword",
                        first.get("initialPassword"), "newPassword", "changed-pass-2026"))
                .post("/api/auth/password").then().statusCode(204);
        given().contentType("application/json").body(Map.of("username", first.get("username"), "password",
                        "changed-pass-2026"))
                .post("/api/auth/staff").then().statusCode(200);

        // the same staff file again: nothing new, no passwords
        String again = upload(c.admin(), ImportKind.STAFF, staffFile).getString("id");
        JsonPath checked = settled(c.admin(), again);
        assertEquals("VALIDATED", checked.getString("status"));
        assertEquals(0, checked.getInt("rowsNew"));
        assertEquals(1500, checked.getInt("rowsExisting"));
        assertEquals(0, confirm(c.admin(), again).getList("initialPasswords").size());
        assertEquals("DONE", settled(c.admin(), again).getString("status"));
        assertEquals(1500, count("select count(*) from account where region_code like ?1 and roles = 'MEDIATOR'", prefix + "%"));
    }

    private static List<List<String>> screeningRows(Fixtures.County c, int year) {
        List<List<String>> rows = new ArrayList<>();
        String[] villages = {c.villageA1(), c.villageA2(), c.villageB1()};
        for (int month = 1; month <= 12; month++) {
            for (int i = 0; i < 2; i++) {
                rows.add(List.of(LocalDate.of(year, month, 3 + i * 10).toString(), villages[(month + i) % 3],
                        "村委会", String.valueOf(10 + month), String.valueOf(i), i == 0 ? "低" : "中", ""));
            }
        }
        return rows;
    }

    @Test
    void theAnnualReportOfAnImportedYearEqualsTheHandCountedRowsAndTheSameFileTwiceCreatesNothing() {
        Fixtures.County c = Fixtures.county();
        int year = lastYear();
        List<List<String>> screenings = screeningRows(c, year);
        byte[] screeningFile = Templates.xlsx(ImportKind.SCREENINGS, screenings);
        List<List<String>> consultations = new ArrayList<>();
        int persons = 0;
        for (int month = 1; month <= 12; month += 1) {
            int p = 1 + month % 3;
            persons += p;
            consultations.add(List.of(year + "年" + month + "月15日", c.villageA1(), month % 2 == 0 ? "窗口" : "12348热线",
                    "劳动报酬", String.valueOf(p), "工资被拖欠"));
        }
        importClean(c.bureauAdmin(), ImportKind.SCREENINGS, screeningFile, 24);
        importClean(c.bureauAdmin(), ImportKind.CONSULTATIONS, Templates.xlsx(ImportKind.CONSULTATIONS, consultations), 12);

        JsonPath report = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.county())
                .queryParam("year", year).get("/api/reports/annual").then().statusCode(200).extract().jsonPath();
        assertEquals(24, report.getInt("figures.find { it.key == 'mediation.screenings' }.value"));
        assertEquals(persons, report.getInt("figures.find { it.key == 'legal_aid.consultations' }.value"));
        // dated as the rows say: two screenings in each month
        for (int month = 1; month <= 12; month++) {
            LocalDate from = LocalDate.of(year, month, 1);
            assertEquals(2, count("select count(*) from ledger_event where kind = 'MEDIATION_SCREENING' and region_code like ?1 "
                            + "and occurred_at >= ?2 and occurred_at < ?3", c.county().substring(0, 6) + "%",
                    from.atStartOfDay(TimeSource.CHINA).toOffsetDateTime(),
                    from.plusMonths(1).atStartOfDay(TimeSource.CHINA).toOffsetDateTime()), "month " + month);
        }
        // each imported record carries its source marker
        assertEquals(24, count("select count(*) from onboarding_imported_record r join med_screening s "
                + "on s.id::text = r.record_id where r.kind = 'SCREENINGS' and s.region_code like ?1", c.county().substring(0, 6) + "%"));

        // the same file twice: the dry run finds every row imported, the import creates nothing
        String again = upload(c.bureauAdmin(), ImportKind.SCREENINGS, screeningFile).getString("id");
        JsonPath checked = settled(c.bureauAdmin(), again);
        assertEquals(0, checked.getInt("rowsNew"));
        assertEquals(24, checked.getInt("rowsExisting"));
        confirm(c.bureauAdmin(), again);
        assertEquals("DONE", settled(c.bureauAdmin(), again).getString("status"));
        // the same rows inside another file (with one new row) add only the new row
        List<List<String>> more = new ArrayList<>(screenings.subList(0, 5));
        more.add(List.of(LocalDate.of(year, 6, 30).toString(), c.villageB1(), "乙一村文化室", "40", "3", "高", "新增一行"));
        importClean(c.bureauAdmin(), ImportKind.SCREENINGS, Templates.xlsx(ImportKind.SCREENINGS, more), 1);
        assertEquals(25, count("select count(*) from med_screening where region_code like ?1", c.county().substring(0, 6) + "%"));
        assertEquals(25, count("select count(*) from ledger_event where kind = 'MEDIATION_SCREENING' and region_code like ?1",
                c.county().substring(0, 6) + "%"));
    }

    @Test
    void aFileWithErrorsReportsThemAllAndWritesNothing() {
        Fixtures.County c = Fixtures.county();
        int year = lastYear();
        List<List<String>> rows = new ArrayList<>(screeningRows(c, year).subList(0, 4));
        rows.add(List.of("2099-01-01", c.villageA1(), "村委会", "10", "1", "低", ""));          // row 6: future date
        rows.add(List.of(year + "-02-30", "61999", "", "-1", "x", "极高", ""));                   // row 7: five problems
        rows.add(List.of(year + "-03-01", "610000000000", "村委会", "10", "1", "低", ""));        // row 8: a province
        rows.add(rows.get(0));                                                                   // row 9: repeats row 2
        String id = upload(c.bureauAdmin(), ImportKind.SCREENINGS, Templates.xlsx(ImportKind.SCREENINGS, rows)).getString("id");
        JsonPath report = settled(c.bureauAdmin(), id);
        assertEquals("REJECTED", report.getString("status"));
        assertEquals(8, report.getInt("rowsTotal"));
        assertEquals(9, report.getInt("errorCount"));

        List<Map<String, Object>> errors = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/imports/" + id + "/errors").then().statusCode(200).extract().jsonPath();
            errors.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(9, errors.size());
        assertEquals(Map.of("row", 6, "column", "排查日期", "message", "日期不能晚于 " + LocalDate.now(TimeSource.CHINA)),
                errors.get(0));
        assertEquals(List.of("排查日期", "排查地区代码", "排查地点", "走访户数", "发现纠纷数", "风险等级"),
                errors.subList(1, 7).stream().map(e -> (String) e.get("column")).toList());
        assertEquals(7, errors.get(1).get("row"));
        assertEquals(Map.of("row", 8, "column", "排查地区代码", "message", "排查地区须为村（社区）或乡镇（街道）"), errors.get(7));
        assertEquals(Map.of("row", 9, "message", "与第 2 行重复"), errors.get(8));

        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).post("/api/imports/" + id + "/confirm").then()
                .statusCode(409).contentType("application/problem+json");
        assertEquals(0, count("select count(*) from med_screening where region_code like ?1", c.county().substring(0, 6) + "%"));
        assertEquals(0, count("select count(*) from onboarding_imported_record where import_id = ?1", java.util.UUID.fromString(id)));
    }

    @Test
    void aGb18030CsvWithChineseHeadersIsImported() {
        Fixtures.County c = Fixtures.county();
        int year = lastYear();
        String csv = "咨询日期,咨询人所在区划代码,咨询渠道,事项类别,人次,摘要\r\n"
                + year + "/3/5," + c.villageA1() + ",窗口,工伤,2,\"工地受伤，询问工伤认定\"\r\n"
                + year + "年4月6日," + c.villageA2() + ",村居,赡养抚养扶养,1,赡养费\r\n";
        byte[] gbk = csv.getBytes(CsvCharset.GB18030);
        assertNotEquals(csv, new String(gbk, java.nio.charset.StandardCharsets.UTF_8));
        importClean(c.aidOfficer(), ImportKind.CONSULTATIONS, gbk, 2);
        List<Object[]> rows = Fixtures.sql("select summary, persons, matter from aid_consultation where region_code like ?1 "
                + "order by consulted_at", c.county().substring(0, 6) + "%");
        assertEquals(2, rows.size());
        assertEquals("工地受伤，询问工伤认定", rows.get(0)[0]);
        assertEquals("WORK_INJURY", rows.get(0)[2]);
        assertEquals("赡养费", rows.get(1)[0]);
    }

    @Test
    void rowsIntoAClosedPeriodGoInAsAdjustmentsWithTheImportReason() {
        Fixtures.County c = Fixtures.county();
        int year = lastYear();
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType("application/json")
                .body(Map.of("region", c.county(), "year", year, "month", 1))
                .post("/api/reports/closed-periods").then().statusCode(201);
        List<List<String>> rows = screeningRows(c, year).subList(0, 4);   // two in January, two in February
        String id = upload(c.bureauAdmin(), ImportKind.SCREENINGS, Templates.xlsx(ImportKind.SCREENINGS, rows)).getString("id");
        JsonPath checked = settled(c.bureauAdmin(), id);
        assertEquals(4, checked.getInt("rowsNew"));
        assertEquals(2, checked.getInt("rowsAdjusting"));
        confirm(c.bureauAdmin(), id);
        assertEquals("DONE", settled(c.bureauAdmin(), id).getString("status"));
        List<String> reasons = Fixtures.column("select adjustment_reason from ledger_event where kind = 'MEDIATION_SCREENING' "
                + "and region_code like ?1 order by occurred_at", String.class, c.county().substring(0, 6) + "%");
        assertEquals(4, reasons.size());
        assertEquals(ImportRunner.ADJUSTMENT_REASON, reasons.get(0));
        assertEquals(ImportRunner.ADJUSTMENT_REASON, reasons.get(1));
        assertEquals(null, reasons.get(2));
    }

    @Test
    void aJudicialOfficeImportsOnlyForItsTownshipAndSeesOnlyItsImports() {
        Fixtures.County c = Fixtures.county();
        int year = lastYear();
        List<List<String>> rows = List.of(
                List.of(year + "-05-01", c.villageA1(), "村委会", "10", "1", "低", ""),
                List.of(year + "-05-02", c.villageB1(), "村委会", "10", "1", "低", ""));
        String id = upload(c.officeStaffA(), ImportKind.SCREENINGS, Templates.xlsx(ImportKind.SCREENINGS, rows)).getString("id");
        JsonPath report = settled(c.officeStaffA(), id);
        assertEquals("REJECTED", report.getString("status"));
        JsonPath errors = given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/imports/" + id + "/errors")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, errors.getInt("items[0].row"));
        assertEquals("排查地区须在本单位服务区域内", errors.getString("items[0].message"));
        // the other township's office does not see it; the bureau does
        given().auth().oauth2(Fixtures.token(c.officeStaffB())).get("/api/imports/" + id).then().statusCode(404);
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).get("/api/imports/" + id).then().statusCode(200);
        // and a checked file of the office goes in only when the office confirms it: the bureau may read it, not confirm it
        String ok = upload(c.officeStaffA(), ImportKind.SCREENINGS, Templates.xlsx(ImportKind.SCREENINGS,
                List.of(rows.get(0)))).getString("id");
        assertEquals("VALIDATED", settled(c.officeStaffA(), ok).getString("status"));
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).post("/api/imports/" + ok + "/confirm")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("只有上传该文件的人员可以确认导入"));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/imports/" + ok)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("VALIDATED"));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).post("/api/imports/" + ok + "/confirm")
                .then().statusCode(202);
        // registers are the bureau's
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).contentType("application/octet-stream")
                .queryParam("kind", "STAFF").body(Templates.xlsx(ImportKind.STAFF))
                .post("/api/imports").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).contentType("application/octet-stream")
                .queryParam("kind", "NOPE").body(new byte[]{1})
                .post("/api/imports").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRejectedWithEachMissingHeader() {
        Fixtures.County c = Fixtures.county();
        String id = upload(c.bureauAdmin(), ImportKind.REGIONS, "代码,名字\n1,2\n".getBytes()).getString("id");
        assertEquals("REJECTED", settled(c.bureauAdmin(), id).getString("status"));
        JsonPath errors = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).get("/api/imports/" + id + "/errors")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("区划代码", "名称"), errors.getList("items.column"));
        assertEquals(List.of(1, 1), errors.getList("items.row"));
    }

    @Test
    void aFileThatCannotBeReadIsRejectedWithAChineseReasonNotTheLibrarysWords() {
        Fixtures.County c = Fixtures.county();
        String csv = upload(c.bureauAdmin(), ImportKind.REGIONS,
                "区划代码,名称\n\"532932,未闭合\n".getBytes(StandardCharsets.UTF_8)).getString("id");
        byte[] xlsx = Templates.xlsx(ImportKind.REGIONS);
        String broken = upload(c.bureauAdmin(), ImportKind.REGIONS, java.util.Arrays.copyOf(xlsx, xlsx.length / 2))
                .getString("id");
        assertEquals("REJECTED", settled(c.bureauAdmin(), csv).getString("status"));
        assertEquals("REJECTED", settled(c.bureauAdmin(), broken).getString("status"));
        assertEquals(List.of(SheetReader.CSV_UNREADABLE), given().auth().oauth2(Fixtures.token(c.bureauAdmin()))
                .get("/api/imports/" + csv + "/errors").then().statusCode(200).extract().jsonPath().getList("items.message"));
        assertEquals(List.of(SheetReader.XLSX_UNREADABLE), given().auth().oauth2(Fixtures.token(c.bureauAdmin()))
                .get("/api/imports/" + broken + "/errors").then().statusCode(200).extract().jsonPath().getList("items.message"));
    }

    @Test
    void templatesAreDownloadableWithTheirChineseHeaders() {
        byte[] xlsx = given().get("/api/imports/templates/ORGANISATIONS").then().statusCode(200)
                .contentType(Templates.XLSX).extract().asByteArray();
        List<String> headers = new ArrayList<>();
        Map<String, String> example = new HashMap<>();
        SheetReader.read(xlsx, new SheetReader.RowSink() {
            @Override
            public void header(List<String> h) {
                headers.addAll(h);
            }

            @Override
            public void row(int rowNo, Map<String, String> cells) {
                example.putAll(cells);
            }
        });
        assertEquals(List.of("机构类型", "调委会类别", "机构名称", "所在区划代码", "地址", "电话", "成立日期"), headers);
        assertEquals("人民调解委员会", example.get("机构类型"));
        assertEquals("2015-06-01", example.get("成立日期"));
        JsonPath kinds = given().get("/api/imports/templates").then().statusCode(200).extract().jsonPath();
        assertEquals(ImportKind.values().length, kinds.getList("kind").size());
        assertNotNull(kinds.getString("find { it.kind == 'STAFF' }.label"));
        assertTrue(kinds.getList("find { it.kind == 'STAFF' }.columns.header").contains("所属机构名称"));
    }
}
