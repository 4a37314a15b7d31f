package org.publiclegal.region;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RegionAndOrganisationTest {

    @Test
    void childrenAndSubtreeFollowTheCodeHierarchy() {
        Fixtures.County c = Fixtures.county();
        given().get("/api/regions/" + c.county() + "/children").then().statusCode(200)
                .body("code", contains(c.townshipA(), c.townshipB()))
                .body("level", contains("TOWNSHIP", "TOWNSHIP"));
        given().get("/api/regions/" + c.county() + "/subtree?level=VILLAGE").then().statusCode(200)
                .body("items.code", contains(c.villageA1(), c.villageA2(), c.villageB1()));
        given().get("/api/regions/" + c.townshipA()).then().statusCode(200)
                .body("name", equalTo("甲镇")).body("parentCode", equalTo(c.county()));
    }

    @Test
    void subtreePagesWithAnOpaqueCursor() {
        Fixtures.County c = Fixtures.county();
        String cursor = given().get("/api/regions/" + c.county() + "/subtree?limit=2").then().statusCode(200)
                .body("items.code", contains(c.townshipA(), c.villageA1()))
                .extract().path("nextCursor");
        String next = given().queryParam("cursor", cursor).get("/api/regions/" + c.county() + "/subtree?limit=2")
                .then().statusCode(200).body("items.code", contains(c.villageA2(), c.townshipB()))
                .extract().path("nextCursor");
        given().queryParam("cursor", next).get("/api/regions/" + c.county() + "/subtree?limit=2")
                .then().statusCode(200).body("items.code", contains(c.villageB1())).body("nextCursor", nullValue());
    }

    @Test
    void theSubtreeQueryIsOneIndexRangeScan() {
        Fixtures.County c = Fixtures.county();
        List<String> lines = Fixtures.run(s -> s.createNativeQuery("set local enable_seqscan = off")
                .executeUpdate().chain(() -> s.createNativeQuery(
                        "explain select * from region where code > '" + c.county() + "' and code < '"
                                + c.county().substring(0, 6) + ":' order by code", String.class).getResultList()));
        String plan = String.join("\n", lines);
        assertTrue(lines.get(0).startsWith("Index Scan using region_pkey"), plan);
        assertTrue(plan.contains("< '" + c.county().substring(0, 6) + ":'"), plan);
        assertTrue(!plan.contains("Filter"), plan);
    }

    @Test
    void searchFindsRegionsByName() {
        Fixtures.County c = Fixtures.county();
        given().queryParam("q", "甲一").queryParam("within", c.county()).get("/api/regions").then().statusCode(200)
                .body("code", contains(c.villageA1()));
    }

    @Test
    void organisationsAreListedBySubtreeAndType() {
        Fixtures.County c = Fixtures.county();
        given().queryParam("region", c.townshipA()).get("/api/organisations").then().statusCode(200)
                .body("items.id", hasItem(c.officeA().id.toString()))
                .body("items.id", hasItem(c.villageCommitteeA1().id.toString()))
                .body("items.id", not(hasItem(c.officeB().id.toString())));
        given().queryParam("region", c.county()).queryParam("type", "JUDICIAL_OFFICE").get("/api/organisations")
                .then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void aBureauCreatesOrganisationsOnlyInItsCounty() {
        Fixtures.County c = Fixtures.county();
        Fixtures.County other = Fixtures.county();
        String bureau = Fixtures.token(c.bureauAdmin());
        given().auth().oauth2(bureau).contentType(ContentType.JSON)
                .body(Map.of("type", "MEDIATION_COMMITTEE", "committeeKind", "VILLAGE", "name", "甲二社区调委会",
                        "regionCode", c.villageA2()))
                .post("/api/organisations").then().statusCode(201)
                .body("type", equalTo("MEDIATION_COMMITTEE")).body("regionCode", equalTo(c.villageA2()));
        given().auth().oauth2(bureau).contentType(ContentType.JSON)
                .body(Map.of("type", "LAW_FIRM", "name", "越界律所", "regionCode", other.county()))
                .post("/api/organisations").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anOrganisationMustFitItsRegionLevel() {
        Fixtures.County c = Fixtures.county();
        String admin = Fixtures.systemAdminToken(c);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("type", "JUDICIAL_OFFICE", "name", "村里的司法所", "regionCode", c.villageA1()))
                .post("/api/organisations").then().statusCode(400).body("errors[0].field", equalTo("regionCode"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("type", "MEDIATION_COMMITTEE", "name", "无类别调委会", "regionCode", c.villageA1()))
                .post("/api/organisations").then().statusCode(400).body("errors[0].field", equalTo("committeeKind"));
        // one 司法所 per township
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("type", "JUDICIAL_OFFICE", "name", "第二个司法所", "regionCode", c.townshipA()))
                .post("/api/organisations").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theSystemAdministratorAddsRegionsUnderExistingParents() {
        Fixtures.County c = Fixtures.county();
        String admin = Fixtures.systemAdminToken(c);
        String code = c.townshipA().substring(0, 9) + "203";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("code", code, "name", "甲三村"))
                .post("/api/regions").then().statusCode(201).body("level", equalTo("VILLAGE"))
                .body("parentCode", equalTo(c.townshipA()));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", c.county().substring(0, 6) + "150201", "name", "无上级村"))
                .post("/api/regions").then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType(ContentType.JSON)
                .body(Map.of("code", c.townshipA().substring(0, 9) + "204", "name", "甲四村"))
                .post("/api/regions").then().statusCode(403);
        List<String> names = Fixtures.column("select name from region where code = ?1", String.class, code);
        assertTrue(names.contains("甲三村"));
    }
}
