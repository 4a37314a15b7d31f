package org.publiclegal.identity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A staff member's mobile entered by hand: {@code POST /api/staff} takes it (validated as a 工作人员 import's), sealed
 * on the account as the import seals it, masked in {@code GET /api/staff}, in the clear only through the audited
 * read; {@code PUT /api/staff/{id}/mobile} changes or removes it.
 */
@QuarkusTest
class StaffMobileTest {

    private static String mobile() {
        return "13" + (7 + ThreadLocalRandom.current().nextInt(3)) + String.format("%08d",
                ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String masked(String mobile) {
        return mobile.substring(0, 3) + "****" + mobile.substring(7);
    }

    private static Map<String, Object> staff(Fixtures.County c, String username, String mobile) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", "Test-2026-pass",
                "displayName", "钱所员", "organisationId", c.officeA().id.toString(), "roles", List.of("JUDICIAL_OFFICE")));
        if (mobile != null) {
            body.put("mobile", mobile);
        }
        return body;
    }

    private static long count(String sql, Object... params) {
        return ((Number) Fixtures.sql("select count(*), 0 from (" + sql + ") x", params).get(0)[0]).longValue();
    }

    private static String sealedOf(String id) {
        Object[] row = Fixtures.sql("select mobile_cipher, mobile_key_id from account where id = ?1", UUID.fromString(id)).get(0);
        return row[0] == null ? null : row[0].toString();
    }

    @Test
    void aMobileGivenByHandIsSealedMaskedAndReadOnlyThroughTheAuditedRead() {
        Fixtures.County c = Fixtures.county();
        String mobile = mobile();
        String typed = mobile.substring(0, 3) + " " + mobile.substring(3, 7) + "-" + mobile.substring(7);
        String username = "hand-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(staff(c, username, typed)).post("/api/staff").then().statusCode(201)
                .body("mobileMasked", equalTo(masked(mobile))).extract().jsonPath().getString("id");

        String sealed = sealedOf(id);
        assertNotNull(sealed);
        assertFalse(sealed.contains(mobile.substring(3)), "sealed, not in the clear");
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).queryParam("organisation", c.officeA().id)
                .queryParam("limit", 100).get("/api/staff").then().statusCode(200)
                .body("items.find { it.username == '" + username + "' }.mobileMasked", equalTo(masked(mobile)));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("reason", "核对联系方式")
                .get("/api/staff/" + id + "/personal-data").then().statusCode(200).body("mobile", equalTo(mobile));
        assertEquals(1, count("select 1 from audit_log where action = 'STAFF_PERSONAL_DATA_READ' and object_id = ?1", id));

        // without a mobile: none
        String bare = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(staff(c, "hand-" + UUID.randomUUID().toString().substring(0, 8), null)).post("/api/staff").then()
                .statusCode(201).body("mobileMasked", nullValue()).extract().jsonPath().getString("id");
        assertEquals(null, sealedOf(bare));
    }

    @Test
    void anInvalidMobileIsRefusedAndNothingIsCreated() {
        Fixtures.County c = Fixtures.county();
        for (String wrong : List.of("12800138000", "1380013800", "+86 13800138000", "1".repeat(21))) {
            String username = "bad-" + UUID.randomUUID().toString().substring(0, 8);
            given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                    .body(staff(c, username, wrong)).post("/api/staff").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo("mobile")).body("errors[0].message", equalTo("手机号应为 11 位数字"));
            assertEquals(0, count("select 1 from staff_credential where username = ?1", username), wrong);
        }
    }

    @Test
    void theMobileIsChangedOrRemovedByTheCountysAdministrators() {
        Fixtures.County c = Fixtures.county();
        String first = mobile();
        String id = given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(staff(c, "chg-" + UUID.randomUUID().toString().substring(0, 8), first)).post("/api/staff").then()
                .statusCode(201).extract().jsonPath().getString("id");
        String second = mobile();
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(Map.of("mobile", second)).put("/api/staff/" + id + "/mobile").then().statusCode(200)
                .body("id", equalTo(id)).body("mobileMasked", equalTo(masked(second)));
        assertFalse(sealedOf(id).contains(second.substring(3)));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("reason", "核对联系方式")
                .get("/api/staff/" + id + "/personal-data").then().statusCode(200).body("mobile", equalTo(second));
        assertEquals(1, count("select 1 from audit_log where action = 'STAFF_MOBILE_CHANGED' and object_id = ?1", id));
        assertEquals(0, count("select 1 from audit_log where object_id = ?1 and detail like ?2", id,
                "%" + second.substring(3) + "%"), "the number is not in the audit log");

        // refused: not a mobile, not an administrator, another county's administrator
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(Map.of("mobile", "12345")).put("/api/staff/" + id + "/mobile").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("mobile"));
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).contentType(ContentType.JSON)
                .body(Map.of("mobile", first)).put("/api/staff/" + id + "/mobile").then().statusCode(403);
        Fixtures.County other = Fixtures.county();
        given().auth().oauth2(Fixtures.token(other.bureauAdmin())).contentType(ContentType.JSON)
                .body(Map.of("mobile", first)).put("/api/staff/" + id + "/mobile").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(Map.of("mobile", first)).put("/api/staff/" + UUID.randomUUID() + "/mobile").then().statusCode(404);
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).queryParam("reason", "核对联系方式")
                .get("/api/staff/" + id + "/personal-data").then().statusCode(200).body("mobile", equalTo(second));

        // removed
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body("{\"mobile\":null}").put("/api/staff/" + id + "/mobile").then().statusCode(200)
                .body("mobileMasked", nullValue());
        assertEquals(null, sealedOf(id));
        assertEquals(2, count("select 1 from audit_log where action = 'STAFF_MOBILE_CHANGED' and object_id = ?1", id));
    }
}
