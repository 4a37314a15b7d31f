package org.publiclegal.onboarding;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.TestClock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.publiclegal.onboarding.ImportFlowTest.confirm;
import static org.publiclegal.onboarding.ImportFlowTest.count;
import static org.publiclegal.onboarding.ImportFlowTest.importClean;
import static org.publiclegal.onboarding.ImportFlowTest.settled;
import static org.publiclegal.onboarding.ImportFlowTest.upload;

/**
 * 历史台账导入 over HTTP: a county's year of concluded mediation cases and legal-aid cases (with screenings and
 * consultations) from template files, spread over twelve months with January closed; the annual report, the
 * dashboard's monthly series, the drill-down and the ledger/records reconciliation of that year against the
 * hand-counted rows; the same file twice; a file with errors; personal data sealed.
 */
@QuarkusTest
class HistoryImportFlowTest {

    private static final String[] SOURCES = {"来访", "来电", "主动调解", "派出所移送", "诉前委派", "委托调解"};
    private static final String[] SERVICES = {"民事行政代理", "劳动争议调解与仲裁代理", "刑事辩护与代理", "值班律师法律帮助",
            "法律咨询", "代拟法律文书", "民事行政代理", "其他"};
    private static final String MASKED_ID = "532932********";
    private static final String FULL_ID = "11010519491231002X";

    /** What the hand count of the rows expects, per month of the year (index 0 = January) and in total. */
    static final class Expected {
        final int[] received = new int[12];
        final int[] concluded = new int[12];
        final int[] succeeded = new int[12];
        int delegated;
        int entrusted;
        int confirmed;
        final int[] aidCases = new int[12];
        int applications;
        int refusals;
        int dutyLawyer;
        int consultationMatters;
        long recoveredFen;
        int januaryMediation;
        int januaryAid;

        int total(int[] months) {
            int t = 0;
            for (int m : months) {
                t += m;
            }
            return t;
        }
    }

    private static void inYear(int[] months, LocalDate day, int year) {
        if (day.getYear() == year) {
            months[day.getMonthValue() - 1]++;
        }
    }

    /** 240 cases: twenty a month, every source, result and agreement form, some with 司法确认. */
    private static List<List<String>> mediationRows(Fixtures.County c, Map<UUID, String> mediators, String court, int year,
                                                    boolean townshipA, Expected e) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            int month = 1 + i / 20;
            int k = i % 20;
            boolean a = k % 3 != 0;
            if (a != townshipA) {
                continue;
            }
            String village = !a ? c.villageB1() : k % 2 == 0 ? c.villageA1() : c.villageA2();
            Organisation committee = !a ? c.committeeB() : village.equals(c.villageA1()) && k % 4 == 0
                    ? c.villageCommitteeA1() : c.committeeA();
            LocalDate received = LocalDate.of(year, month, 1 + k);
            LocalDate concluded = received.plusDays(k % 7);
            String source = SOURCES[k % 6];
            int r = (k + i / 20) % 4;
            String result = r <= 1 ? "调解成功" : r == 2 ? "调解不成" : i % 8 == 3 ? "撤回" : "终止调解";
            String form = r == 0 ? "书面" : r == 1 ? "口头" : "";
            boolean jc = r <= 1 && k % 5 == 0;
            LocalDate applied = jc ? concluded.plusDays(2) : null;
            LocalDate ruled = jc ? applied.plusDays(5) : null;
            String ruling = jc ? (k % 10 == 0 ? "确认有效" : "驳回") : "";
            boolean fromCourt = source.startsWith("诉前") || source.startsWith("委托");
            rows.add(List.of(received.toString(), village, committee.name, source,
                    source.equals("派出所移送") ? "城关派出所" : "", fromCourt || jc ? court : "",
                    fromCourt ? "(" + year + ")测" + i + "民诉前调号" : "",
                    k % 2 == 0 ? "邻里纠纷" : "婚姻家庭纠纷", "历史纠纷情况" + i,
                    "王建国" + i, k == 7 ? FULL_ID : MASKED_ID + String.format("%04d", i),
                    k % 9 == 0 ? "鹤庆某建材有限公司" : "李某" + i, "", mediators.get(committee.id), result, form,
                    concluded.toString(), jc ? applied.toString() : "", ruling, jc ? ruled.toString() : ""));
            if (!fromCourt) {
                inYear(e.received, received, year);
            } else if (source.equals("诉前委派")) {
                e.delegated++;
            } else {
                e.entrusted++;
            }
            if (!result.equals("撤回")) {
                inYear(e.concluded, concluded, year);
            }
            if (result.equals("调解成功")) {
                inYear(e.succeeded, concluded, year);
            }
            if (jc && ruling.equals("确认有效") && ruled.getYear() == year) {
                e.confirmed++;
            }
            if (month == 1) {
                e.januaryMediation++;
            }
        }
        return rows;
    }

    /** 96 legal-aid matters: eight a month, every service form, some refused, most closed with an amount. */
    private static List<List<String>> aidRows(Fixtures.County c, Account lawyer, int year, Expected e) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            int month = 1 + i / 8;
            int k = i % 8;
            LocalDate received = LocalDate.of(year, month, 2 + 3 * k);
            LocalDate decided = received.plusDays(2);
            LocalDate assigned = decided.plusDays(1);
            boolean refused = k == 6;
            boolean closed = !refused && i % 3 != 2;
            LocalDate closedOn = assigned.plusDays(10);
            String amount = closed ? (1000 + i) + ".50" : "";
            boolean firm = k % 2 == 0;
            String service = SERVICES[k];
            rows.add(List.of(received.toString(), i % 2 == 0 ? c.villageA1() : c.villageB1(), "受援人" + i,
                    i % 5 == 0 ? FULL_ID : "", service.startsWith("刑事") ? "刑事辩护" : "劳动报酬", service,
                    refused ? "不予" : "给予", decided.toString(), refused ? "不符合经济困难标准" : "",
                    refused ? "" : firm ? c.lawFirm().name : c.aidCentre().name, refused || !firm ? "" : lawyer.displayName,
                    refused ? "" : assigned.toString(), closed ? closedOn.toString() : "", closed ? "调解和解" : "",
                    amount, "讨要工资的经过" + i));
            e.applications++;
            if (month == 1) {
                e.januaryAid++;
            }
            if (refused) {
                e.refusals++;
                continue;
            }
            switch (service) {
                case "值班律师法律帮助" -> e.dutyLawyer++;
                case "法律咨询" -> e.consultationMatters++;
                default -> inYear(e.aidCases, assigned, year);
            }
            if (closed && closedOn.getYear() == year) {
                e.recoveredFen += (1000 + i) * 100L + 50;
            }
        }
        return rows;
    }

    private static BigDecimal figure(JsonPath report, String key) {
        String v = report.getString("figures.find { it.key == '" + key + "' }.value");
        return v == null ? null : new BigDecimal(v);
    }

    private static Set<String> drillDown(Account who, String key, String region, int year) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(Fixtures.token(who)).queryParam("region", region).queryParam("year", year)
                    .queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/reports/annual/" + key + "/records").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.sourceId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void aCountysImportedYearOfCasesIsCountedInItsMonthsAndTheReportEqualsTheHandCount() {
        Fixtures.County c = Fixtures.county();
        int year = TestClock.today().getYear() - 1;
        String prefix = c.county().substring(0, 6);
        Organisation court = Organisation.create(OrganisationType.COURT, null, "测试县人民法院" + prefix, c.county(), null,
                null, TestClock.now());
        Fixtures.run(s -> s.persist(court));
        Map<UUID, String> mediators = Map.of(c.committeeA().id, Fixtures.mediator(c.committeeA()).displayName,
                c.committeeB().id, Fixtures.mediator(c.committeeB()).displayName,
                c.villageCommitteeA1().id, Fixtures.mediator(c.villageCommitteeA1()).displayName);
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType("application/json")
                .body(Map.of("region", c.county(), "year", year, "month", 1))
                .post("/api/reports/closed-periods").then().statusCode(201);

        Expected e = new Expected();
        List<List<String>> townshipA = mediationRows(c, mediators, court.name, year, true, e);
        List<List<String>> townshipB = mediationRows(c, mediators, court.name, year, false, e);
        List<List<String>> aid = aidRows(c, lawyer, year, e);
        assertEquals(240, townshipA.size() + townshipB.size());

        // 甲镇司法所 imports its township's book, the bureau 乙镇's; January's rows go in as adjustments
        byte[] fileA = Templates.xlsx(ImportKind.MEDIATION_CASES, townshipA);
        String idA = upload(c.officeStaffA(), ImportKind.MEDIATION_CASES, fileA).getString("id");
        JsonPath checkedA = settled(c.officeStaffA(), idA);
        assertEquals("VALIDATED", checkedA.getString("status"), checkedA::prettify);
        assertEquals(townshipA.size(), checkedA.getInt("rowsNew"));
        int januaryA = (int) townshipA.stream().filter(r -> r.get(0).startsWith(year + "-01-")).count();
        assertEquals(januaryA, checkedA.getInt("rowsAdjusting"));
        confirm(c.officeStaffA(), idA);
        assertEquals("DONE", settled(c.officeStaffA(), idA).getString("status"));
        importClean(c.bureauAdmin(), ImportKind.MEDIATION_CASES, Templates.xlsx(ImportKind.MEDIATION_CASES, townshipB),
                townshipB.size());
        byte[] aidFile = Templates.xlsx(ImportKind.AID_CASES, aid);
        importClean(c.aidOfficer(), ImportKind.AID_CASES, aidFile, 96);
        List<List<String>> consultations = new ArrayList<>();
        int persons = 0;
        List<List<String>> screenings = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            persons += 1 + month % 3;
            consultations.add(List.of(year + "-" + month + "-15", c.villageA1(), "窗口", "劳动报酬",
                    String.valueOf(1 + month % 3), ""));
            screenings.add(List.of(LocalDate.of(year, month, 3).toString(), c.villageA1(), "村委会", "12", "1", "低", ""));
        }
        importClean(c.bureauAdmin(), ImportKind.SCREENINGS, Templates.xlsx(ImportKind.SCREENINGS, screenings), 12);
        importClean(c.aidOfficer(), ImportKind.CONSULTATIONS, Templates.xlsx(ImportKind.CONSULTATIONS, consultations), 12);

        // the records, each with its source marker; the January events carry the import's reason
        assertEquals(240, count("select count(*) from onboarding_imported_record r join med_dispute d on d.id::text = r.record_id "
                + "where r.kind = 'MEDIATION_CASES' and d.region_code like ?1", prefix + "%"));
        assertEquals(96, count("select count(*) from onboarding_imported_record r join aid_application a "
                + "on a.id::text = r.record_id where r.kind = 'AID_CASES' and a.region_code like ?1", prefix + "%"));
        assertEquals(e.januaryMediation * 2L, count("select count(*) from ledger_event where region_code like ?1 "
                + "and kind in ('MEDIATION_DISPUTE_RECEIVED', 'MEDIATION_COURT_REFERRAL_RECEIVED', "
                + "'MEDIATION_COURT_ENTRUSTMENT_RECEIVED', 'MEDIATION_DISPUTE_ACCEPTED') and adjustment_reason = ?2",
                prefix + "%", ImportRunner.ADJUSTMENT_REASON));
        assertEquals(e.januaryAid, count("select count(*) from ledger_event where region_code like ?1 "
                + "and kind = 'LEGAL_AID_APPLICATION_RECEIVED' and adjustment_reason = ?2", prefix + "%",
                ImportRunner.ADJUSTMENT_REASON));

        // the annual report equals the hand count
        JsonPath report = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.county())
                .queryParam("year", year).get("/api/reports/annual").then().statusCode(200).extract().jsonPath();
        int concluded = e.total(e.concluded);
        int succeeded = e.total(e.succeeded);
        assertEquals(e.total(e.received), figure(report, "mediation.received").intValue());
        assertEquals(concluded, figure(report, "mediation.concluded").intValue());
        assertEquals(succeeded, figure(report, "mediation.succeeded").intValue());
        assertEquals(0, BigDecimal.valueOf(succeeded * 100L).divide(BigDecimal.valueOf(concluded), 1, RoundingMode.HALF_UP)
                .compareTo(figure(report, "mediation.success_rate")));
        assertEquals(e.delegated, figure(report, "mediation.court_referrals").intValue());
        assertEquals(e.entrusted, figure(report, "mediation.court_entrustments").intValue());
        assertEquals(e.confirmed, figure(report, "mediation.judicial_confirmations").intValue());
        assertEquals(12, figure(report, "mediation.screenings").intValue());
        assertEquals(e.total(e.aidCases), figure(report, "legal_aid.cases").intValue());
        assertEquals(e.applications, figure(report, "legal_aid.applications").intValue());
        assertEquals(e.refusals, figure(report, "legal_aid.refusals").intValue());
        assertEquals(e.dutyLawyer, figure(report, "legal_aid.duty_lawyer_help").intValue());
        assertEquals(persons + e.consultationMatters, figure(report, "legal_aid.consultations").intValue());
        BigDecimal wan = BigDecimal.valueOf(e.recoveredFen).movePointLeft(6).setScale(4, RoundingMode.HALF_UP);
        assertEquals(0, wan.compareTo(figure(report, "legal_aid.losses_recovered")));
        String text = String.join("", report.getList("paragraphs"));
        assertTrue(text.contains("调解矛盾纠纷" + concluded + "件"), text);
        assertTrue(text.contains("受理法律援助案件" + e.total(e.aidCases) + "件"), text);

        // the dashboard's series of last year put each case in its month (January shows its closing snapshot)
        JsonPath dashboard = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.county())
                .get("/api/dashboard").then().statusCode(200).extract().jsonPath();
        List<Object> concludedByMonth = dashboard.getList("monthly.series.find { it.key == 'mediation.concluded' }.previous");
        List<Object> casesByMonth = dashboard.getList("monthly.series.find { it.key == 'legal_aid.cases' }.previous");
        for (int m = 1; m < 12; m++) {
            assertEquals(e.concluded[m], new BigDecimal(String.valueOf(concludedByMonth.get(m))).intValue(), "month " + (m + 1));
            assertEquals(e.aidCases[m], new BigDecimal(String.valueOf(casesByMonth.get(m))).intValue(), "month " + (m + 1));
        }
        assertEquals(0, new BigDecimal(String.valueOf(concludedByMonth.get(0))).intValue(),
                "January was closed before the import: its snapshot, the import is its adjustment");
        JsonPath january = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.county())
                .queryParam("from", year + "-01-01").queryParam("to", year + "-01-31").queryParam("keys", "mediation.concluded")
                .get("/api/metrics").then().statusCode(200).extract().jsonPath();
        assertTrue(january.prettify().contains(ImportRunner.ADJUSTMENT_REASON), january::prettify);

        // the drill-down lists the imported records
        Set<String> succeededIds = new HashSet<>(Fixtures.column("select id::text from med_dispute where region_code like ?1 "
                + "and status = 'SUCCEEDED' and to_char(concluded_at at time zone 'Asia/Shanghai', 'YYYY') = ?2",
                String.class, prefix + "%", String.valueOf(year)));
        assertEquals(succeeded, succeededIds.size());
        assertEquals(succeededIds, drillDown(c.bureauAdmin(), "mediation.succeeded", c.county(), year));
        Set<String> aidIds = drillDown(c.bureauAdmin(), "legal_aid.cases", c.county(), year);
        assertEquals(e.total(e.aidCases), aidIds.size());
        assertTrue(new HashSet<>(Fixtures.column("select record_id from onboarding_imported_record where kind = 'AID_CASES' "
                + "and record_id in (select id::text from aid_application where region_code like ?1)", String.class,
                prefix + "%")).containsAll(aidIds));

        // ledger and records agree
        JsonPath reconcile = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("region", c.county())
                .queryParam("year", year).get("/api/admin/ledger/reconcile").then().statusCode(200).extract().jsonPath();
        assertTrue(reconcile.getBoolean("consistent"), reconcile::prettify);

        // personal data sealed at rest
        assertEquals(0, count("select count(*) from med_party p join med_dispute d on d.id = p.dispute_id "
                + "where d.region_code like ?1 and (p.name_cipher like '%王建国%' or p.id_number_cipher like ?2)",
                prefix + "%", "%" + FULL_ID + "%"));
        assertEquals(0, count("select count(*) from med_dispute where region_code like ?1 and facts_cipher like '%历史纠纷%'",
                prefix + "%"));
        assertEquals(0, count("select count(*) from aid_application where region_code like ?1 and (person_cipher like "
                + "'%受援人%' or person_cipher like ?2 or summary_cipher like '%讨要%')", prefix + "%", "%" + FULL_ID + "%"));
        assertEquals(480, count("select count(*) from med_party p join med_dispute d on d.id = p.dispute_id where d.region_code like ?1",
                        prefix + "%"));

        // the same file twice creates nothing
        String again = upload(c.aidOfficer(), ImportKind.AID_CASES, aidFile).getString("id");
        JsonPath second = settled(c.aidOfficer(), again);
        assertEquals(0, second.getInt("rowsNew"));
        assertEquals(96, second.getInt("rowsExisting"));
        confirm(c.aidOfficer(), again);
        assertEquals("DONE", settled(c.aidOfficer(), again).getString("status"));
        String againA = upload(c.officeStaffA(), ImportKind.MEDIATION_CASES, fileA).getString("id");
        assertEquals(townshipA.size(), settled(c.officeStaffA(), againA).getInt("rowsExisting"));
        assertEquals(96, count("select count(*) from aid_application where region_code like ?1", prefix + "%"));
        assertEquals(240, count("select count(*) from med_dispute where region_code like ?1", prefix + "%"));

        // a file with errors reports them and writes nothing; 乙镇's cases are not 甲镇司法所's
        List<List<String>> bad = new ArrayList<>();
        List<String> fine = new ArrayList<>(townshipA.get(0));
        fine.set(0, year + "-06-30");
        fine.set(16, year + "-06-30");
        fine.set(17, "");
        fine.set(18, "");
        fine.set(19, "");
        bad.add(fine);
        List<String> early = new ArrayList<>(fine);
        early.set(16, year + "-06-29");
        bad.add(early);
        bad.add(townshipB.get(0));
        String badId = upload(c.officeStaffA(), ImportKind.MEDIATION_CASES, Templates.xlsx(ImportKind.MEDIATION_CASES, bad))
                .getString("id");
        JsonPath rejected = settled(c.officeStaffA(), badId);
        assertEquals("REJECTED", rejected.getString("status"));
        JsonPath errors = given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/imports/" + badId + "/errors")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(3, 4), errors.getList("items.row"));
        assertEquals(List.of("结案日期", "纠纷发生地区划代码"), errors.getList("items.column"));
        assertEquals("结案日期（" + year + "-06-29）不能早于受理日期（" + year + "-06-30）", errors.getString("items[0].message"));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).post("/api/imports/" + badId + "/confirm").then()
                .statusCode(409).contentType("application/problem+json");
        assertEquals(240, count("select count(*) from med_dispute where region_code like ?1", prefix + "%"));
        assertEquals(0, count("select count(*) from onboarding_imported_record where import_id = ?1", UUID.fromString(badId)));
    }

    @Test
    void theCaseBooksTemplatesHaveTheirChineseHeadersAnExampleAndNotes() {
        for (ImportKind kind : List.of(ImportKind.MEDIATION_CASES, ImportKind.AID_CASES)) {
            byte[] xlsx = given().get("/api/imports/templates/" + kind.name()).then().statusCode(200)
                    .contentType(Templates.XLSX).extract().asByteArray();
            List<String> headers = new ArrayList<>();
            List<Map<String, String>> rows = new ArrayList<>();
            SheetReader.read(xlsx, new SheetReader.RowSink() {
                @Override
                public void header(List<String> h) {
                    headers.addAll(h);
                }

                @Override
                public void row(int rowNo, Map<String, String> cells) {
                    rows.add(cells);
                }
            });
            assertEquals(kind.columns().stream().map(ImportKind.Column::header).toList(), headers);
            assertEquals(1, rows.size());
            assertEquals(kind.example().get(0), rows.get(0).get(headers.get(0)));
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
                assertEquals("填写说明", wb.getSheetName(1));
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }
    }
}
