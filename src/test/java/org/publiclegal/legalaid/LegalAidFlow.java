package org.publiclegal.legalaid;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.publiclegal.identity.Account;
import org.publiclegal.testing.Fixtures;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** HTTP steps of the legal-aid workflow, shared by the tests (also the reporting tests'). */
public final class LegalAidFlow {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n".getBytes();

    private LegalAidFlow() {
    }

    static Map<String, Object> wageClaim(String region) {
        Map<String, Object> body = new HashMap<>();
        body.put("matter", "LABOUR_RELATIONSHIP_OR_WAGES");
        body.put("serviceType", "LABOUR_MEDIATION_ARBITRATION");
        body.put("summary", "在工地务工三个月，包工头拖欠工资 18600 元");
        body.put("opposingParty", "某建筑劳务公司");
        body.put("amountInDispute", "18600.00");
        body.put("regionCode", region);
        body.put("finances", Map.of("householdMembers", 4, "monthlyHouseholdIncome", "2400.00",
                "financialAssets", "3000", "ownsNonEssentialProperty", false));
        return body;
    }

    static String create(Account resident, Map<String, Object> body) {
        return given().auth().oauth2(Fixtures.token(resident)).contentType(ContentType.JSON).body(body)
                .post("/api/aid/applications").then().statusCode(201).extract().path("summary.id");
    }

    static ValidatableResponse upload(Account who, String id, String category, byte[] content, String name) {
        return given().auth().oauth2(Fixtures.token(who)).multiPart("category", category)
                .multiPart("file", name, content, "application/octet-stream")
                .post("/api/aid/applications/" + id + "/materials").then();
    }

    /** A submitted wage-claim application with every required material. */
    public static String submitted(Account resident, String region) {
        return submitted(resident, region, "LABOUR_MEDIATION_ARBITRATION");
    }

    /** A submitted wage-claim application asking for the service form {@code serviceType} (AidServiceType). */
    public static String submitted(Account resident, String region, String serviceType) {
        Map<String, Object> body = wageClaim(region);
        body.put("serviceType", serviceType);
        String id = create(resident, body);
        upload(resident, id, "IDENTITY", PNG, "身份证.png").statusCode(201);
        upload(resident, id, "FINANCIAL_STATUS", PDF, "收入说明.pdf").statusCode(201);
        upload(resident, id, "CASE_MATERIALS", PDF, "欠条.pdf").statusCode(201);
        post(resident, id, "submit", null).statusCode(200);
        return id;
    }

    static ValidatableResponse post(Account who, String id, String action, Object body) {
        var request = given().auth().oauth2(Fixtures.token(who)).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/aid/applications/" + id + "/" + action).then();
    }

    static ValidatableResponse get(Account who, String id) {
        return given().auth().oauth2(Fixtures.token(who)).get("/api/aid/applications/" + id).then();
    }
}
