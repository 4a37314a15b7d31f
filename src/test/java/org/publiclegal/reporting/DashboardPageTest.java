package org.publiclegal.reporting;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.publiclegal.education.EducationFixtures;
import org.publiclegal.education.ViewAggregation;
import org.publiclegal.identity.Account;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.testing.Chromium;
import org.publiclegal.testing.Fixtures;
import org.publiclegal.testing.TestClock;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 司法所 / 司法局 page at /dashboard/, driven in a real (headless) chromium: a person signs in through the
 * form, and every figure the page shows must be the one the API gives.
 */
@QuarkusTest
class DashboardPageTest {

    private static final JsonPathConfig DECIMALS = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/dashboard/")
    URL page;

    @Inject
    Clock clock;

    @Inject
    ViewAggregation aggregation;

    @BeforeAll
    static void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Chromium.ensureInstalled();
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void thePageAndEchartsAreServedToAnyoneButTheFiguresAreNot() {
        given().get(page.toString()).then().statusCode(200).contentType(containsString("text/html"));
        given().get("/dashboard/dashboard.js").then().statusCode(200);
        given().get("/dashboard/dashboard.css").then().statusCode(200);
        given().get("/favicon.ico").then().statusCode(200).contentType(containsString("image/"));
        given().get("/_static/echarts/5.6.0/dist/echarts.min.js").then().statusCode(200);
        given().get("/api/dashboard").then().statusCode(401);
    }

    @Test
    void aTownshipOfficeSeesTheApisFiguresCasesAndReport() throws IOException {
        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.officeA(), Roles.JUDICIAL_OFFICE);
        Account resident = Fixtures.residentWithProfile(c.villageA1());
        Account aidOfficer = c.aidOfficer();
        ReportingFlow.received(c, c.villageA1());
        TestClock.advance(Duration.ofDays(20)); // the first application's 7-day review is now overdue
        ReportingFlow.received(c, c.villageA1());
        Account lawyer = Fixtures.lawyer(c.aidCentre());
        String assigned = ReportingFlow.received(c, c.villageA1());
        ReportingFlow.post(aidOfficer, "/api/aid/applications/" + assigned + "/grant", Map.of("reason", "符合经济困难标准"))
                .statusCode(200);
        ReportingFlow.post(aidOfficer, "/api/aid/applications/" + assigned + "/assignment",
                Map.of("lawyerId", lawyer.id.toString())).statusCode(200);
        ReportingFlow.screening(c.officeStaffA(), c.villageA1(), TestClock.today());
        submitDispute(resident, c.villageA1());

        String token = signIn(username);
        JsonPath api = dashboard(token, null);
        assertEquals(1, api.getInt("periods.find { it.period == 'YEAR' }.figures.find { it.key == 'mediation.screenings' }.value"));
        assertEquals(1, api.getInt("periods.find { it.period == 'YEAR' }.figures.find { it.key == 'legal_aid.cases' }.value"));
        assertEquals(3, api.getInt("legalAid.open"));
        assertEquals(1, api.getInt("legalAid.overdue"));
        assertEquals(List.of(lawyer.id.toString()), api.getList("workloads.accountId"));

        try (Chromium browser = Chromium.laptop()) {
            ChromeDriver driver = browser.driver();
            driver.get(page.toString());
            assertEquals("object", driver.executeScript("return typeof echarts"));

            // a wrong password shows the API's problem detail and stays on the form
            String detail = given().contentType(ContentType.JSON)
                    .body(Map.of("username", Fixtures.staffWithPassword(c.officeA(), Roles.JUDICIAL_OFFICE),
                            "password", "wrong-password"))
                    .post("/api/auth/staff").then().statusCode(401).extract().path("detail");
            fillSignIn(driver, username, "wrong-password");
            WebElement error = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
            assertEquals(detail, error.getText());
            assertFalse(driver.findElement(By.id("dashboard")).isDisplayed());

            fillSignIn(driver, username, Fixtures.STAFF_PASSWORD);
            awaitLoaded(driver, "甲镇");
            assertCardsEqual(driver, api);
            assertCasesEqual(driver, api, "legal-aid", "legalAid");
            assertCasesEqual(driver, api, "mediation", "mediation");
            assertEquals(1, driver.findElements(By.cssSelector("#legal-aid-cases tbody tr.overdue")).size());
            assertEquals(1, driver.findElements(By.cssSelector("#chart-monthly canvas")).size());
            assertEquals(1, driver.findElements(By.cssSelector("#chart-workload canvas")).size());
            assertEquals(List.of(1L), driver.executeScript("return echarts.getInstanceByDom("
                    + "document.getElementById('chart-workload')).getOption().series[0].data"));
            assertMonthlyChart(driver, api);

            // the yearly report's paragraphs, and its .xlsx fetched with the token into a download
            int year = LocalDate.parse(api.getString("today")).getYear();
            List<String> paragraphs = given().auth().oauth2(token).queryParam("year", year)
                    .get("/api/reports/annual").then().statusCode(200).extract().jsonPath().getList("paragraphs", String.class);
            wait(driver).until(d -> "false".equals(d.findElement(By.id("report-paragraphs")).getDomAttribute("aria-busy")));
            assertEquals(paragraphs, driver.findElements(By.cssSelector("#report-paragraphs p")).stream()
                    .map(WebElement::getText).toList());
            browser.screenshot(Path.of("target/screenshots/dashboard-office.png"));
            driver.findElement(By.id("report-xlsx")).click();
            Path xlsx = await().atMost(WAIT).until(() -> downloaded(browser.downloads(), ".xlsx"), p -> p != null);
            byte[] head = Files.readAllBytes(xlsx);
            assertArrayEquals(new byte[]{'P', 'K'}, new byte[]{head[0], head[1]});

            // the page's own origin without a token gets 401, and so does an expired session
            Object status = driver.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch('/api/dashboard').then(r => done(r.status), e => done(String(e)));");
            assertEquals(401L, status);
            List<String> console = browser.console();
            assertTrue(console.stream().anyMatch(m -> m.contains("401")), () -> "console capture works: " + console);
            assertNoPolicyViolations(console);
            driver.executeScript("sessionStorage.setItem('publiclegal.dashboard.accessToken', 'not-a-token')");
            driver.findElement(By.id("refresh")).click();
            wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
            assertEquals("登录已失效，请重新登录。", driver.findElement(By.id("signin-error")).getText());
            assertEquals(null, driver.executeScript(
                    "return sessionStorage.getItem('publiclegal.dashboard.accessToken')"));
        }
    }

    @Test
    void theBureauPicksOneOfItsTownshipsOnAPhone() {
        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.bureau(), Roles.BUREAU_ADMIN);
        ReportingFlow.screening(c.officeStaffA(), c.villageA1(), TestClock.today());
        ReportingFlow.screening(c.officeStaffB(), c.villageB1(), TestClock.today());
        String token = signIn(username);

        try (Chromium browser = Chromium.phone(375, 812)) {
            ChromeDriver driver = browser.driver();
            driver.get(page.toString());
            fillSignIn(driver, username, Fixtures.STAFF_PASSWORD);
            awaitLoaded(driver, dashboard(token, null).getString("region.name"));
            assertCardsEqual(driver, dashboard(token, null));

            Select picker = new Select(driver.findElement(By.id("region-picker")));
            assertEquals(List.of(c.county(), c.townshipA(), c.townshipB()),
                    picker.getOptions().stream().map(o -> o.getDomAttribute("value")).toList());
            picker.selectByValue(c.townshipA());
            awaitLoaded(driver, "甲镇");
            JsonPath township = dashboard(token, c.townshipA());
            assertEquals(1, township.getInt(
                    "periods.find { it.period == 'YEAR' }.figures.find { it.key == 'mediation.screenings' }.value"));
            assertCardsEqual(driver, township);
            browser.screenshot(Path.of("target/screenshots/dashboard-bureau-phone.png"));

            // usable at 375 px: nothing is wider than the screen (tables scroll inside their panels)
            JavascriptExecutor js = driver;
            long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
            long content = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            assertEquals(375, viewport);
            assertTrue(content <= viewport, "page is " + content + " px wide in a " + viewport + " px window");
            assertNoPolicyViolations(browser.console());
        }
    }

    @Test
    void aTownshipOfficeSeesAdvisorCoverageTheUncoveredVillagesAndTheAdvisorsBehindTheirCommitment() {
        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.officeA(), Roles.JUDICIAL_OFFICE);
        Account advisor = org.publiclegal.advisory.AdvisoryFlow.advisor(c);
        LocalDate today = TestClock.today();
        org.publiclegal.advisory.AdvisoryFlow.contract(c.officeStaffA(), advisor, List.of(c.villageA1()),
                today.minusDays(40), today.plusDays(300));
        String token = signIn(username);
        JsonPath api = dashboard(token, null);
        assertEquals(1, api.getInt("advisorCoverage.covered"));
        assertEquals(List.of("甲二社区"), api.getList("advisorCoverage.uncovered.name"));
        assertEquals(List.of(advisor.id.toString()), api.getList("advisorsBehind.advisorId"));

        try (Chromium browser = Chromium.laptop()) {
            ChromeDriver driver = browser.driver();
            driver.get(page.toString());
            fillSignIn(driver, username, Fixtures.STAFF_PASSWORD);
            awaitLoaded(driver, "甲镇");
            assertEquals("1", driver.findElement(By.id("advisor-covered")).getText());
            assertEquals("2", driver.findElement(By.id("advisor-villages")).getText());
            assertEquals("50.0%", driver.findElement(By.id("advisor-rate")).getText());
            assertEquals("甲二社区", driver.findElement(By.id("advisor-uncovered")).getText());
            assertEquals("1", driver.findElement(By.id("advisors-behind-count")).getText());
            List<WebElement> cells = driver.findElements(By.cssSelector("#advisors-behind tbody td"));
            assertEquals(List.of(advisor.displayName, "甲一村", "0 / 4"), cells.stream().limit(3).map(WebElement::getText).toList());
            assertEquals("bad", cells.get(2).getDomAttribute("class"));
            browser.screenshot(Path.of("target/screenshots/dashboard-advisory.png"));
            assertNoPolicyViolations(browser.console());
        }
    }

    @Test
    void theVideoCardShowsTheYearsTopTopicsAndEpisodesAsTheApiGivesThem() {
        Fixtures.County c = Fixtures.county();
        String username = Fixtures.staffWithPassword(c.bureau(), Roles.BUREAU_ADMIN);
        String token = signIn(username);
        try (Chromium browser = Chromium.laptop()) {
            ChromeDriver driver = browser.driver();
            driver.get(page.toString());
            fillSignIn(driver, username, Fixtures.STAFF_PASSWORD);
            awaitLoaded(driver, dashboard(token, null).getString("region.name"));
            assertEquals(List.of("暂无已发布的普法视频"), texts(driver, "#video-topics li"));

            String column = EducationFixtures.column(c);
            Account lawyer = Fixtures.lawyer(c.lawFirm());
            String wages = EducationFixtures.published(c, lawyer, column, "农民工欠薪怎么办", List.of("LABOUR_WAGES"), "欠薪");
            String fraud = EducationFixtures.published(c, lawyer, column, "刷单返利都是诈骗", List.of("ANTI_FRAUD", "CIVIL_CODE"), "诈骗");
            for (int d = 0; d < 3; d++) {
                view(wages, "device-dashboard-" + d + "-0000000", 95);
            }
            view(fraud, "device-dashboard-9-0000000", 30);
            aggregation.run().await().atMost(WAIT);

            driver.findElement(By.id("refresh")).click();
            awaitLoaded(driver, dashboard(token, null).getString("region.name"));
            JsonPath api = dashboard(token, null);
            assertEquals(List.of("LABOUR_WAGES", "ANTI_FRAUD", "CIVIL_CODE"), api.getList("videos.topics.topic"));
            assertEquals(List.of(3, 1), api.getList("videos.episodes.plays"));
            assertEquals(List.of("劳动权益/欠薪", "反电信网络诈骗", "民法典"), texts(driver, "#video-topics li span"));
            assertEquals(List.of("1 期 · 播放 3 人次", "1 期 · 播放 1 人次", "1 期 · 播放 1 人次"), texts(driver, "#video-topics li b"));
            assertEquals(List.of("《" + api.getString("videos.episodes[0].columnName") + "》第1期 农民工欠薪怎么办",
                            "《" + api.getString("videos.episodes[1].columnName") + "》第2期 刷单返利都是诈骗"),
                    texts(driver, "#video-episodes li span"));
            assertEquals(List.of("3 人次", "1 人次"), texts(driver, "#video-episodes li b"));
            assertEquals(new BigDecimal("75.0"), new BigDecimal(api.getString(
                    "periods.find { it.period == 'YEAR' }.figures.find { it.key == 'education.video_completion_rate' }.value")));
            assertCardsEqual(driver, api);
            assertMonthlyChart(driver, api);
            // the bureau's view of its county on a laptop (build output, to look at)
            browser.screenshot(Path.of("target/screenshots/dashboard-bureau.png"));
            assertNoPolicyViolations(browser.console());
        }
    }

    private static List<String> texts(ChromeDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static void view(String episode, String device, int progress) {
        given().contentType(ContentType.JSON).body(Map.of("deviceId", device, "progressPercent", progress))
                .post("/api/videos/" + episode + "/views").then().statusCode(200);
    }

    // ------------------------------------------------------------------ the page

    private static WebDriverWait wait(ChromeDriver driver) {
        return new WebDriverWait(driver, WAIT);
    }

    private static void fillSignIn(ChromeDriver driver, String username, String password) {
        WebElement user = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        user.clear();
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.id("password"));
        pass.clear();
        pass.sendKeys(password);
        driver.findElement(By.id("login")).click();
    }

    private static void awaitLoaded(ChromeDriver driver, String regionName) {
        wait(driver).until(d -> {
            WebElement main = d.findElement(By.id("dashboard"));
            return main.isDisplayed() && "false".equals(main.getDomAttribute("aria-busy"))
                    && regionName.equals(d.findElement(By.id("region-name")).getText());
        });
        WebElement error = driver.findElement(By.id("error"));
        assertFalse(error.isDisplayed(), () -> "the page shows an error: " + error.getText());
    }

    /**
     * No card shows a figure other than the API's: every figure of every period, the open and overdue cases, the
     * committees and mediators, advisor coverage and the advisors behind; the time of the figures in the page's one
     * date form (2026-12-02 07:25, China time), as every deadline shown.
     */
    private static void assertCardsEqual(ChromeDriver driver, JsonPath api) {
        assertFiguresEqual(driver, api);
        for (String block : List.of("legalAid", "mediation")) {
            String prefix = block.equals("legalAid") ? "legal-aid" : "mediation";
            assertEquals(String.valueOf(api.getLong(block + ".open")), driver.findElement(By.id(prefix + "-open")).getText());
            assertEquals(String.valueOf(api.getLong(block + ".overdue")), driver.findElement(By.id(prefix + "-overdue")).getText());
        }
        assertEquals(String.valueOf(api.getLong("standing.committees")), driver.findElement(By.id("committees")).getText());
        assertEquals(String.valueOf(api.getLong("standing.mediators")), driver.findElement(By.id("mediators")).getText());
        assertEquals(String.valueOf(api.getLong("advisorCoverage.covered")), driver.findElement(By.id("advisor-covered")).getText());
        assertEquals(String.valueOf(api.getLong("advisorCoverage.villages")), driver.findElement(By.id("advisor-villages")).getText());
        String rate = api.getString("advisorCoverage.rate");
        assertEquals(rate == null ? "—" : new BigDecimal(rate).setScale(1, java.math.RoundingMode.HALF_UP) + "%",
                driver.findElement(By.id("advisor-rate")).getText());
        assertEquals(String.valueOf(api.getList("advisorsBehind").size()),
                driver.findElement(By.id("advisors-behind-count")).getText());
        java.time.format.DateTimeFormatter minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.of("Asia/Shanghai"));
        WebElement asOf = driver.findElement(By.id("as-of"));
        assertEquals(minute.format(java.time.Instant.parse(asOf.getDomAttribute("datetime"))), asOf.getText());
        assertTrue(asOf.getText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"), asOf.getText());
        for (WebElement due : driver.findElements(By.cssSelector("#legal-aid-cases time, #mediation-cases time"))) {
            assertEquals(minute.format(java.time.Instant.parse(due.getDomAttribute("datetime"))), due.getText());
        }
    }

    /**
     * The monthly chart: January to December, this year as bars and last year as a line, told apart by a legend,
     * opened on a figure that has data.
     */
    @SuppressWarnings("unchecked")
    private static void assertMonthlyChart(ChromeDriver driver, JsonPath api) {
        Map<String, Object> option = (Map<String, Object>) driver.executeScript(
                "const o = echarts.getInstanceByDom(document.getElementById('chart-monthly')).getOption();"
                        + "return {months: o.xAxis[0].data, legend: o.legend[0].data,"
                        + " types: o.series.map(s => s.type), names: o.series.map(s => s.name),"
                        + " key: document.getElementById('monthly-metric').value};");
        int year = LocalDate.parse(api.getString("today")).getYear();
        assertEquals(12, ((List<?>) option.get("months")).size());
        assertEquals(List.of(year + "年", (year - 1) + "年"), option.get("legend"));
        assertEquals(List.of("bar", "line"), option.get("types"));
        assertEquals(option.get("legend"), option.get("names"));
        String key = (String) option.get("key");
        List<Object> values = api.getList("monthly.series.find { it.key == '" + key + "' }.values");
        List<Object> previous = api.getList("monthly.series.find { it.key == '" + key + "' }.previous");
        boolean anyData = api.getList("monthly.series.values.flatten()").stream().anyMatch(v -> v != null && new BigDecimal(v.toString()).signum() != 0);
        assertTrue(!anyData || java.util.stream.Stream.concat(values.stream(), previous.stream())
                .anyMatch(v -> v != null && new BigDecimal(v.toString()).signum() != 0), "the chart opens on " + key + ", all zero");
    }

    /** Every figure of every period as the page shows it: the API's number, as given, and the unit. */
    private static void assertFiguresEqual(ChromeDriver driver, JsonPath api) {
        int shown = 0;
        for (String period : List.of("TODAY", "MONTH", "YEAR")) {
            List<Map<String, Object>> figures = api.getList("periods.find { it.period == '" + period + "' }.figures");
            assertFalse(figures.isEmpty(), period);
            for (Map<String, Object> f : figures) {
                String key = (String) f.get("key");
                String unit = (String) f.get("unit");
                List<WebElement> cells = driver.findElements(
                        By.cssSelector("[data-period='" + period + "'][data-key='" + key + "']"));
                assertEquals(1, cells.size(), period + " " + key);
                String text = cells.get(0).getDomProperty("textContent");
                BigDecimal value = f.get("value") == null ? null : new BigDecimal(f.get("value").toString());
                if (value == null) {
                    assertEquals("—", text, period + " " + key);
                } else {
                    assertTrue(text.endsWith(unit), period + " " + key + ": " + text);
                    String number = text.substring(0, text.length() - unit.length());
                    assertTrue(number.matches("-?\\d+(\\.\\d+)?"), period + " " + key + ": " + text);
                    assertEquals(0, new BigDecimal(number).compareTo(value),
                            period + " " + key + ": page " + text + ", API " + value + unit);
                }
                shown++;
            }
        }
        assertEquals(shown, driver.findElements(By.cssSelector("[data-period][data-key]")).size());
    }

    private static void assertCasesEqual(ChromeDriver driver, JsonPath api, String prefix, String block) {
        assertEquals(String.valueOf(api.getLong(block + ".open")), driver.findElement(By.id(prefix + "-open")).getText());
        assertEquals(String.valueOf(api.getLong(block + ".overdue")), driver.findElement(By.id(prefix + "-overdue")).getText());
        List<Map<String, Object>> cases = api.getList(block + ".cases");
        List<WebElement> rows = driver.findElements(By.cssSelector("#" + prefix + "-cases tbody tr[data-id]"));
        assertEquals(cases.stream().map(x -> x.get("id")).toList(),
                rows.stream().map(r -> r.getDomAttribute("data-id")).toList());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(Boolean.TRUE.equals(cases.get(i).get("overdue")),
                    rows.get(i).getDomAttribute("class") != null && rows.get(i).getDomAttribute("class").contains("overdue"));
            assertTrue(rows.get(i).getText().contains((String) cases.get(i).get("reference")));
        }
    }

    /** The page runs under its own strict CSP (no inline script or style): nothing may be refused. */
    private static void assertNoPolicyViolations(List<String> console) {
        assertEquals(List.of(), console.stream().filter(m -> m.contains("Content Security Policy")).toList());
    }

    private static Path downloaded(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        }
    }

    // ------------------------------------------------------------------ the API and the data

    private static String signIn(String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Fixtures.STAFF_PASSWORD))
                .post("/api/auth/staff").then().statusCode(200).extract().path("accessToken");
    }

    private static JsonPath dashboard(String token, String region) {
        var request = given().auth().oauth2(token);
        if (region != null) {
            request.queryParam("region", region);
        }
        String body = request.get("/api/dashboard").then().statusCode(200).extract().asString();
        return new JsonPath(body).using(DECIMALS);
    }

    private static void submitDispute(Account resident, String village) {
        Map<String, Object> body = new HashMap<>();
        body.put("disputeType", "NEIGHBOUR");
        body.put("facts", "邻居修建围墙占用了我家通道约一米");
        body.put("claims", "拆除占道部分，恢复通行");
        body.put("amount", "3000.00");
        body.put("otherParties", List.of(Map.of("kind", "PERSON", "name", "杨建华", "phone", "13908725678")));
        body.put("villageCode", village);
        body.put("preferredMode", "IN_PERSON");
        given().auth().oauth2(Fixtures.token(resident)).contentType(ContentType.JSON).body(body)
                .post("/api/mediation/disputes").then().statusCode(201);
    }
}
