package org.publiclegal.legalaid;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.documents.ChineseDates;
import org.publiclegal.shared.documents.PdfText;
import org.publiclegal.testing.Fixtures;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.publiclegal.legalaid.LegalAidFlow.post;
import static org.publiclegal.legalaid.LegalAidFlow.submitted;

/** The centre's documents through the API: HTML by default, PDF on Accept, numbered once, scoped like the case. */
@QuarkusTest
class AidDocumentsTest {

    private static byte[] pdf(Account who, String id, String type) {
        return given().auth().oauth2(Fixtures.token(who)).accept("application/pdf")
                .get("/api/aid/applications/" + id + "/documents/" + type).then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", containsString(".pdf"))
                .extract().asByteArray();
    }

    @Test
    void theMaterialsNoticeTheDecisionAndTheAssignmentArePrintedAndNumberedOnce() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        Account lawyer = Fixtures.lawyer(c.lawFirm());
        String id = submitted(resident, c.villageA1());
        // nothing decided yet: no decision to print
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).get("/api/aid/applications/" + id + "/documents/decision")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("BUSINESS_RULE"));
        given().auth().oauth2(Fixtures.token(c.aidOfficer())).get("/api/aid/applications/" + id + "/documents/verdict")
                .then().statusCode(400).contentType("application/problem+json");
        post(c.aidOfficer(), id, "receive", null).statusCode(200);
        post(c.aidOfficer(), id, "material-requests", Map.of("items", List.of("劳动合同或工资条", "用工单位证明"),
                "dueInDays", 5)).statusCode(200);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

        String notice = PdfText.of(pdf(c.aidOfficer(), id, "material-request"));
        assertTrue(notice.contains("补正材料通知书") && notice.contains("一、劳动合同或工资条；")
                && notice.contains("二、用工单位证明；") && notice.contains("测援补〔" + year + "〕1号")
                && notice.contains("和丽芳："), notice);
        // the resident prints the same notice: same number
        String html = given().auth().oauth2(Fixtures.token(resident))
                .get("/api/aid/applications/" + id + "/documents/material-request").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("测援补〔" + year + "〕1号"), html);
        // someone else's application is not found
        Account stranger = Fixtures.residentWithProfile(c.villageA1());
        given().auth().oauth2(Fixtures.token(stranger)).get("/api/aid/applications/" + id + "/documents/material-request")
                .then().statusCode(404);

        post(resident, id, "supplement", Map.of("reason", "已补充")).statusCode(200);
        post(c.aidOfficer(), id, "grant", Map.of("reason", "符合经济困难标准")).statusCode(200);
        String grant = PdfText.of(pdf(c.aidOfficer(), id, "decision"));
        assertTrue(grant.contains("给予法律援助决定书") && grant.contains("经审查：符合经济困难标准。")
                && grant.contains("测援决〔" + year + "〕1号") && grant.contains(ChineseDates.date(LocalDate.now(
                ZoneId.of("Asia/Shanghai")))), grant);
        post(c.aidOfficer(), id, "assignment", Map.of("lawyerId", lawyer.id.toString())).statusCode(200);
        String assignment = PdfText.of(pdf(c.aidOfficer(), id, "assignment"));
        assertTrue(assignment.contains("指派通知书") && assignment.contains(lawyer.displayName), assignment);
        // re-printing keeps the numbers; a staff print is audited as a read of the case
        assertTrue(PdfText.of(pdf(c.aidOfficer(), id, "decision")).contains("测援决〔" + year + "〕1号"));
        assertEquals(3L, Fixtures.column("select count(*) from doc_number where subject_id = cast(?1 as uuid)",
                Long.class, id).get(0));
        assertTrue(Fixtures.column("select count(*) from audit_log where object_id = ?1 and action = 'PERSONAL_DATA_READ'",
                Long.class, id).get(0) >= 4);
    }

    @Test
    void aRefusalCarriesTheObjectionRoute() {
        Fixtures.County c = Fixtures.county();
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        String id = submitted(resident, c.villageA1());
        post(c.aidOfficer(), id, "receive", null).statusCode(200);
        post(c.aidOfficer(), id, "refusal", Map.of("reason", "家庭人均收入高于当地经济困难标准")).statusCode(200);
        String text = PdfText.of(pdf(resident, id, "decision"));
        assertTrue(text.contains("不予法律援助决定书") && text.contains("家庭人均收入高于当地经济困难标准")
                && text.contains("第四十九条") && text.contains(c.bureau().name), text);
        given().auth().oauth2(Fixtures.token(resident)).get("/api/aid/applications/" + id + "/documents/assignment")
                .then().statusCode(400).body("detail", equalTo("本申请尚未指派法律援助人员"));
    }
}
