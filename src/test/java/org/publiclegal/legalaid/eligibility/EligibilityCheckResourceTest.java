package org.publiclegal.legalaid.eligibility;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class EligibilityCheckResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    HardshipStandardRepository repository;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aResidentChecksWithoutSigningInAndLearnsWhichStandardWasUsed() {
        Fixtures.County c = Fixtures.county();
        String admin = Fixtures.systemAdminToken(c);
        String id = json().auth().oauth2(admin)
                .body(standard(c.county(), "DISPOSABLE_INCOME_PCT", 0.5, 62208, "2023-03-10", null))
                .post("/api/aid/hardship-standards").then().statusCode(201)
                .body("monthlyThreshold", comparesEqualTo(new BigDecimal("2592")))
                .body("description", equalTo("上年度城镇居民人均可支配收入的50%"))
                .extract().path("id");

        json().body(check("LABOUR_RELATIONSHIP_OR_WAGES", c.villageA1(), 3, "6000"))
                .post("/api/aid/eligibility-check").then().statusCode(200)
                .body("outcome", equalTo("LIKELY_ELIGIBLE"))
                .body("standard.id", equalTo(id))
                .body("standard.regionCode", equalTo(c.county()))
                .body("standard.effectiveFrom", equalTo("2023-03-10"))
                .body("standard.effectiveTo", nullValue())
                .body("standard.source", equalTo("粤府令第268号"))
                .body("rules.find { it.rule == 'ECONOMIC_HARDSHIP' }.verdict", equalTo("PASS"))
                .body("rules.find { it.rule == 'ECONOMIC_HARDSHIP' }.explanation", containsString("2592.00"))
                .body("rules.find { it.rule == 'MATTER_IN_SCOPE' }.article", equalTo("第三十一条"));

        json().body(check("LABOUR_RELATIONSHIP_OR_WAGES", c.villageA1(), 3, "9000"))
                .post("/api/aid/eligibility-check").then().statusCode(200)
                .body("outcome", equalTo("LIKELY_INELIGIBLE"))
                .body("standard.id", equalTo(id))
                .body("rules.find { it.rule == 'ECONOMIC_HARDSHIP' }.verdict", equalTo("FAIL"))
                .body("rules.find { it.rule == 'ECONOMIC_HARDSHIP' }.explanation", containsString("3000.00"));

        given().queryParam("region", c.villageA1()).get("/api/aid/hardship-standards").then().statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void whereNoStandardIsConfiguredTheAnswerNeedsReview() {
        Fixtures.County c = Fixtures.county();
        json().body(check("SUPPORT_PAYMENT", c.villageB1(), 2, "1000"))
                .post("/api/aid/eligibility-check").then().statusCode(200)
                .body("outcome", equalTo("NEEDS_REVIEW"))
                .body("standard", nullValue())
                .body("rules.find { it.rule == 'ECONOMIC_HARDSHIP' }.explanation", containsString("本地未配置经济困难标准"));
    }

    @Test
    void versionsOfOneRegionMayNotOverlap() {
        Fixtures.County c = Fixtures.county();
        String admin = Fixtures.systemAdminToken(c);
        String first = json().auth().oauth2(admin).body(standard(c.county(), "MIN_WAGE", 1, 2300, "2024-01-01", null))
                .post("/api/aid/hardship-standards").then().statusCode(201)
                .body("monthlyThreshold", comparesEqualTo(new BigDecimal("2300"))).extract().path("id");

        json().auth().oauth2(admin).body(standard(c.county(), "MIN_WAGE", 1, 2490, "2025-01-01", null))
                .post("/api/aid/hardship-standards").then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("CONFLICT"));
        json().auth().oauth2(admin).body(standard(c.county(), "DIBAO_MULTIPLE", 2, 1000, "2023-06-01", "2024-01-02"))
                .post("/api/aid/hardship-standards").then().statusCode(409).contentType(PROBLEM);
        // the day before the first version: adjacent periods do not overlap
        json().auth().oauth2(admin).body(standard(c.county(), "DIBAO_MULTIPLE", 2, 1000, "2023-01-01", "2024-01-01"))
                .post("/api/aid/hardship-standards").then().statusCode(201);

        List<String> actions = Fixtures.column("select action from audit_log where object_id = ?1", String.class, first);
        assertEquals(List.of("HARDSHIP_STANDARD_ADDED"), actions);
    }

    @Test
    void aNewYearsFigureStartsOnceTheOldVersionIsGivenAnEnd() {
        Fixtures.County c = Fixtures.county();
        String bureau = Fixtures.token(c.bureauAdmin());
        String old = json().auth().oauth2(bureau).body(standard(c.county(), "MIN_WAGE", 1, 1900, "2024-01-01", null))
                .post("/api/aid/hardship-standards").then().statusCode(201).extract().path("id");
        json().auth().oauth2(bureau).body(standard(c.county(), "MIN_WAGE", 1, 2000, "2026-01-01", null))
                .post("/api/aid/hardship-standards").then().statusCode(409);
        json().auth().oauth2(bureau).body(Map.of("effectiveTo", "2023-12-31"))
                .post("/api/aid/hardship-standards/" + old + "/expiry").then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveTo"));
        json().auth().oauth2(bureau).body(Map.of("effectiveTo", "2026-01-01"))
                .post("/api/aid/hardship-standards/" + old + "/expiry").then().statusCode(200)
                .body("effectiveTo", equalTo("2026-01-01"));
        json().auth().oauth2(bureau).body(standard(c.county(), "MIN_WAGE", 1, 2000, "2026-01-01", null))
                .post("/api/aid/hardship-standards").then().statusCode(201);
        // a bureau of another county cannot touch it
        json().auth().oauth2(Fixtures.token(Fixtures.county().bureauAdmin())).body(Map.of("effectiveTo", "2025-01-01"))
                .post("/api/aid/hardship-standards/" + old + "/expiry").then().statusCode(404);
        assertEquals(List.of("HARDSHIP_STANDARD_ADDED", "HARDSHIP_STANDARD_EXPIRED"),
                Fixtures.column("select action from audit_log where object_id = ?1 order by id", String.class, old));
    }

    @Test
    void theDeepestRegionInForceOnTheDayWins() {
        Fixtures.County c = Fixtures.county();
        String admin = Fixtures.systemAdminToken(c);
        // long-past periods, so that no other test's check (dated today) meets the shared city's row
        String city = json().auth().oauth2(admin).body(standard(c.city(), "DIBAO_MULTIPLE", 2, 300, "2001-01-01", "2002-01-01"))
                .post("/api/aid/hardship-standards").then().statusCode(201).extract().path("id");
        String county = json().auth().oauth2(admin).body(standard(c.county(), "DIBAO_MULTIPLE", 2, 320, "2001-06-01", "2002-06-01"))
                .post("/api/aid/hardship-standards").then().statusCode(201).extract().path("id");

        assertEquals(city, applicable(c.villageA1(), LocalDate.of(2001, 3, 1)));
        assertEquals(county, applicable(c.villageA1(), LocalDate.of(2001, 7, 1)));
        assertEquals(county, applicable(c.county(), LocalDate.of(2002, 3, 1)));
        assertNull(applicable(c.villageA1(), LocalDate.of(2000, 12, 31)));
        assertNull(applicable(c.villageA1(), LocalDate.of(2002, 6, 1)));
    }

    @Test
    void aBureauSetsStandardsOnlyWithinItsCounty() {
        Fixtures.County c = Fixtures.county();
        Fixtures.County other = Fixtures.county();
        json().auth().oauth2(Fixtures.token(other.bureauAdmin()))
                .body(standard(c.county(), "MIN_WAGE", 1, 2300, "2024-01-01", null))
                .post("/api/aid/hardship-standards").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("FORBIDDEN"));
        json().auth().oauth2(Fixtures.token(c.aidOfficer()))
                .body(standard(c.county(), "MIN_WAGE", 1, 2300, "2024-01-01", null))
                .post("/api/aid/hardship-standards").then().statusCode(403).contentType(PROBLEM);
        json().body(standard(c.county(), "MIN_WAGE", 1, 2300, "2024-01-01", null))
                .post("/api/aid/hardship-standards").then().statusCode(401).contentType(PROBLEM);
        json().auth().oauth2(Fixtures.token(c.bureauAdmin()))
                .body(standard(c.county(), "MIN_WAGE", 1, 2300, "2024-01-01", null))
                .post("/api/aid/hardship-standards").then().statusCode(201)
                .body("regionCode", equalTo(c.county())).body("description", equalTo("最低工资标准"));
    }

    @Test
    void invalidChecksAreRejectedFieldByField() {
        Fixtures.County c = Fixtures.county();
        Map<String, Object> noMatter = check("SUPPORT_PAYMENT", c.villageA1(), 3, "4500");
        noMatter.remove("matter");
        problem(noMatter).body("errors[0].field", equalTo("matter"));

        Map<String, Object> unknownMatter = check("DIVORCE", c.villageA1(), 3, "4500");
        problem(unknownMatter).body("errors[0].field", equalTo("matter"));

        problem(check("SUPPORT_PAYMENT", "12345", 3, "4500")).body("errors[0].field", equalTo("regionCode"));

        problem(check("SUPPORT_PAYMENT", c.villageA1(), 3, "-1"))
                .body("errors[0].field", equalTo("finances.monthlyHouseholdIncome"));

        problem(check("SUPPORT_PAYMENT", c.villageA1(), 0, "4500"))
                .body("errors[0].field", equalTo("finances.householdMembers"));
    }

    @Test
    void invalidStandardsAreRejectedFieldByField() {
        Fixtures.County c = Fixtures.county();
        String admin = Fixtures.systemAdminToken(c);
        json().auth().oauth2(admin).body(standard(c.county(), "MIN_WAGE", 1, 2300, "2024-01-01", "2023-01-01"))
                .post("/api/aid/hardship-standards").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("effectiveTo"));
        json().auth().oauth2(admin).body(standard(c.townshipA(), "MIN_WAGE", 1, 2300, "2024-01-01", null))
                .post("/api/aid/hardship-standards").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("regionCode"));
        json().auth().oauth2(admin).body(standard(c.county(), "DISPOSABLE_INCOME_PCT", 50, 62208, "2024-01-01", null))
                .post("/api/aid/hardship-standards").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("factor"));
        json().auth().oauth2(admin).body(standard(c.county(), "MIN_WAGE", -1, 2300, "2024-01-01", null))
                .post("/api/aid/hardship-standards").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("factor"));
        given().get("/api/aid/hardship-standards").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("region"));
    }

    private String applicable(String region, LocalDate day) {
        HardshipStandard s = Fixtures.run(session -> repository.applicable(region, day));
        return s == null ? null : s.id.toString();
    }

    private static io.restassured.response.ValidatableResponse problem(Map<String, Object> body) {
        return json().body(body).post("/api/aid/eligibility-check").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON).config(RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL)));
    }

    private static Map<String, Object> check(String matter, String region, int members, String income) {
        Map<String, Object> finances = new HashMap<>();
        finances.put("householdMembers", members);
        finances.put("monthlyHouseholdIncome", new BigDecimal(income));
        finances.put("financialAssets", new BigDecimal("5000"));
        finances.put("ownsNonEssentialProperty", false);
        Map<String, Object> body = new HashMap<>();
        body.put("matter", matter);
        body.put("situations", List.of());
        body.put("hasOwnLawyer", false);
        body.put("finances", finances);
        body.put("regionCode", region);
        return body;
    }

    private static Map<String, Object> standard(String region, String basis, Number factor, Number reference,
                                                String from, String to) {
        Map<String, Object> body = new HashMap<>();
        body.put("regionCode", region);
        body.put("basis", basis);
        body.put("factor", factor);
        body.put("referenceAmount", reference);
        body.put("assetLimit", 100000);
        body.put("effectiveFrom", from);
        if (to != null) {
            body.put("effectiveTo", to);
        }
        body.put("source", basis.equals("DISPOSABLE_INCOME_PCT") ? "粤府令第268号" : "测试省法律援助条例");
        return body;
    }
}
