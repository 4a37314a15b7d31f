package org.publiclegal.identity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.publiclegal.shared.validation.ChineseIdNumber;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.TestClock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class ProfileAndScopeTest {

    static final String ID_NUMBER = ChineseIdNumber.Validator.withCheckCharacter("53293219900101123");

    static Map<String, Object> profile(String village) {
        Map<String, Object> p = new HashMap<>();
        p.put("realName", "和丽芳");
        p.put("idNumber", ID_NUMBER);
        p.put("mobile", "13908721234");
        p.put("address", "云南省大理州鹤庆县云鹤镇示范路8号");
        p.put("homeVillageCode", village);
        return p;
    }

    static Account residentWithProfile(String village) {
        Account a = Fixtures.resident();
        given().auth().oauth2(Fixtures.token(a)).contentType(ContentType.JSON).body(profile(village))
                .put("/api/me/profile").then().statusCode(200);
        return a;
    }

    @Test
    void ownerSeesTheirDetailsInTheClear() {
        Fixtures.County c = Fixtures.county();
        Account a = Fixtures.resident();
        given().auth().oauth2(Fixtures.token(a)).contentType(ContentType.JSON).body(profile(c.villageA1()))
                .put("/api/me/profile").then().statusCode(200)
                .body("idNumber", equalTo(ID_NUMBER)).body("masked", equalTo(false));
        given().auth().oauth2(Fixtures.token(a)).get("/api/me").then().statusCode(200)
                .body("profileComplete", equalTo(true))
                .body("regionCode", equalTo(c.villageA1()))
                .body("profile.mobile", equalTo("13908721234"))
                .body("profile.idNumber", equalTo(ID_NUMBER));
        given().auth().oauth2(Fixtures.token(a)).get("/api/residents/" + a.id).then().statusCode(200)
                .body("idNumber", equalTo(ID_NUMBER)).body("masked", equalTo(false));
    }

    @Test
    void aResidentCannotReadAnotherResidentsProfile() {
        Fixtures.County c = Fixtures.county();
        Account alice = residentWithProfile(c.villageA1());
        Account bob = residentWithProfile(c.villageA1());
        given().auth().oauth2(Fixtures.token(bob)).get("/api/residents/" + alice.id).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(Fixtures.token(bob)).queryParam("reason", "好奇")
                .get("/api/residents/" + alice.id + "/personal-data").then().statusCode(403);
        given().auth().oauth2(Fixtures.token(bob)).get("/api/residents").then().statusCode(403);
    }

    @Test
    void personalDataIsNotStoredInPlaintext() {
        Fixtures.County c = Fixtures.county();
        Account a = residentWithProfile(c.villageA1());
        List<Object[]> rows = Fixtures.sql("select id_number_cipher, mobile_cipher, address_cipher, key_id "
                + "from resident_profile where account_id = ?1", a.id);
        assertEquals(1, rows.size());
        String all = rows.get(0)[0] + "|" + rows.get(0)[1] + "|" + rows.get(0)[2];
        assertFalse(all.contains(ID_NUMBER), "ID number stored in plaintext");
        assertFalse(all.contains("13908721234"), "mobile stored in plaintext");
        assertFalse(all.contains("示范路"), "address stored in plaintext");
        assertEquals("local1", rows.get(0)[3], "the key id is stored for rotation");
        // the same value sealed twice gives different ciphertexts (random nonce)
        Account b = residentWithProfile(c.villageA1());
        Object other = Fixtures.sql("select id_number_cipher, mobile_cipher from resident_profile where account_id = ?1",
                b.id).get(0)[0];
        assertFalse(rows.get(0)[0].equals(other));
    }

    @Test
    void staffSeeMaskedDetailsAndAnUnmaskedReadIsAudited() {
        Fixtures.County c = Fixtures.county();
        Account a = residentWithProfile(c.villageA1());
        String office = Fixtures.token(c.officeStaffA());
        given().auth().oauth2(office).get("/api/residents/" + a.id).then().statusCode(200)
                .body("masked", equalTo(true))
                .body("idNumber", equalTo(ID_NUMBER.substring(0, 4) + "**********" + ID_NUMBER.substring(14)))
                .body("mobile", equalTo("139****1234"))
                .body("realName", equalTo("和**"));
        given().auth().oauth2(office).get("/api/residents").then().statusCode(200)
                .body("items.idNumber", hasItem(ID_NUMBER.substring(0, 4) + "**********" + ID_NUMBER.substring(14)))
                .body("items.idNumber", not(hasItem(ID_NUMBER)));

        String auditQuery = "select count(*) from audit_log where action = 'PERSONAL_DATA_READ' and object_id = ?1";
        assertEquals(0L, Fixtures.column(auditQuery, Long.class, a.id.toString()).get(0),
                "masked reads are not audited as personal-data reads");
        given().auth().oauth2(office).queryParam("reason", "办理调解案件核实身份")
                .get("/api/residents/" + a.id + "/personal-data").then().statusCode(200)
                .body("masked", equalTo(false)).body("idNumber", equalTo(ID_NUMBER));
        List<Object[]> audit = Fixtures.sql("select cast(actor_id as varchar), detail, region_code from audit_log "
                + "where action = 'PERSONAL_DATA_READ' and object_id = ?1", a.id.toString());
        assertEquals(1, audit.size());
        assertEquals(c.officeStaffA().id.toString(), audit.get(0)[0]);
        assertEquals("reason: 办理调解案件核实身份", audit.get(0)[1]);
        assertEquals(c.villageA1(), audit.get(0)[2]);
    }

    @Test
    void anUnmaskedReadNeedsAReason() {
        Fixtures.County c = Fixtures.county();
        Account a = residentWithProfile(c.villageA1());
        given().auth().oauth2(Fixtures.token(c.officeStaffA())).get("/api/residents/" + a.id + "/personal-data")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
    }

    @Test
    void staffOfTownshipACannotSeeTownshipBsResidents() {
        Fixtures.County c = Fixtures.county();
        Account inA = residentWithProfile(c.villageA1());
        Account inB = residentWithProfile(c.villageB1());
        String officeA = Fixtures.token(c.officeStaffA());
        given().auth().oauth2(officeA).get("/api/residents/" + inB.id).then().statusCode(404);
        given().auth().oauth2(officeA).queryParam("reason", "核实")
                .get("/api/residents/" + inB.id + "/personal-data").then().statusCode(404);
        given().auth().oauth2(officeA).get("/api/residents").then().statusCode(200)
                .body("items.residentId", hasItem(inA.id.toString()))
                .body("items.residentId", not(hasItem(inB.id.toString())));
        given().auth().oauth2(officeA).queryParam("village", c.villageB1()).get("/api/residents").then()
                .statusCode(200).body("items", hasSize(0));
        // the county bureau sees both townships
        String bureau = Fixtures.token(c.bureauAdmin());
        given().auth().oauth2(bureau).get("/api/residents/" + inB.id).then().statusCode(200);
        given().auth().oauth2(bureau).get("/api/residents/" + inA.id).then().statusCode(200);
        // staff lists follow the same scope
        given().auth().oauth2(officeA).get("/api/staff").then().statusCode(200)
                .body("items.id", hasItem(c.officeStaffA().id.toString()))
                .body("items.id", not(hasItem(c.officeStaffB().id.toString())));
    }

    @Test
    void invalidIdNumberMobileAndVillageAreFieldErrors() {
        Fixtures.County c = Fixtures.county();
        Account a = Fixtures.resident();
        Map<String, Object> bad = profile(c.villageA1());
        bad.put("idNumber", ID_NUMBER.substring(0, 17) + (ID_NUMBER.endsWith("0") ? "1" : "0"));
        bad.put("mobile", "1234");
        given().auth().oauth2(Fixtures.token(a)).contentType(ContentType.JSON).body(bad).put("/api/me/profile")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("idNumber"))
                .body("errors.field", hasItem("mobile"));
        given().auth().oauth2(Fixtures.token(a)).contentType(ContentType.JSON).body(profile(c.townshipA()))
                .put("/api/me/profile").then().statusCode(400).body("errors[0].field", equalTo("homeVillageCode"));
        given().auth().oauth2(Fixtures.token(a)).contentType(ContentType.JSON).body(profile(c.county().substring(0, 6) + "109201"))
                .put("/api/me/profile").then().statusCode(400).body("errors[0].field", equalTo("homeVillageCode"));
        assertEquals(0L, Fixtures.column("select count(*) from resident_profile where account_id = ?1", Long.class, a.id).get(0),
                "nothing half-written");
    }

    @Test
    void aHomeVillageMergedIntoAnotherIsRefusedWhileOneToBeMergedLaterIsStillTaken() {
        Fixtures.County c = Fixtures.county();
        String bureau = Fixtures.token(c.bureauAdmin());
        given().auth().oauth2(bureau).contentType(ContentType.JSON)
                .body(Map.of("on", TestClock.today().toString(), "reason", "并入相邻村"))
                .post("/api/regions/" + c.villageA2() + "/deactivation").then().statusCode(200);
        given().auth().oauth2(bureau).contentType(ContentType.JSON)
                .body(Map.of("on", TestClock.today().plusDays(1).toString(), "reason", "明日并入相邻村"))
                .post("/api/regions/" + c.villageB1() + "/deactivation").then().statusCode(200);
        Account a = Fixtures.resident();
        given().auth().oauth2(Fixtures.token(a)).contentType(ContentType.JSON).body(profile(c.villageA2()))
                .put("/api/me/profile").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("homeVillageCode"))
                .body("errors[0].message", containsString("已撤销"));
        assertEquals(0L, Fixtures.column("select count(*) from resident_profile where account_id = ?1", Long.class, a.id).get(0),
                "nothing half-written");
        // still on the register until its day
        given().auth().oauth2(Fixtures.token(a)).contentType(ContentType.JSON).body(profile(c.villageB1()))
                .put("/api/me/profile").then().statusCode(200);
    }
}
