package org.publiclegal.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.publiclegal.testing.Fixtures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class IdempotencyTest {

    private static Map<String, Object> firm(Fixtures.County c, String name) {
        return Map.of("type", "LAW_FIRM", "name", name, "regionCode", c.county());
    }

    private static Response create(String token, String key, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/organisations");
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstResponse() {
        Fixtures.County c = Fixtures.county();
        String token = Fixtures.token(c.bureauAdmin());
        String key = UUID.randomUUID().toString();
        String name = "重试律所" + key;
        Response first = create(token, key, firm(c, name));
        first.then().statusCode(201).header("Location",
                org.hamcrest.Matchers.endsWith("/api/organisations/" + first.jsonPath().getString("id")));
        Response second = create(token, key, firm(c, name));
        second.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.jsonPath().getString("id"), second.jsonPath().getString("id"));
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(1L, Fixtures.column("select count(*) from organisation where name = ?1", Long.class, name).get(0));
        String stored = Fixtures.column("select response_body from idempotency_record where idem_key = ?1",
                String.class, key).get(0);
        assertEquals(false, stored.contains(name), "the stored response is sealed");
    }

    @Test
    void theSameKeyWithADifferentBodyIs422() {
        Fixtures.County c = Fixtures.county();
        String token = Fixtures.token(c.bureauAdmin());
        String key = UUID.randomUUID().toString();
        create(token, key, firm(c, "甲律所" + key)).then().statusCode(201);
        create(token, key, firm(c, "乙律所" + key)).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void keysOfDifferentCallersDoNotCollide() {
        Fixtures.County c = Fixtures.county();
        String key = UUID.randomUUID().toString();
        String a = create(Fixtures.token(c.bureauAdmin()), key, firm(c, "丙律所" + key)).then().statusCode(201)
                .extract().path("id");
        String b = create(Fixtures.systemAdminToken(c), key, firm(c, "丁律所" + key)).then().statusCode(201)
                .extract().path("id");
        assertEquals(false, a.equals(b));
    }

    @Test
    void aFailedCreateIsNotRememberedSoTheRetryCanSucceed() {
        Fixtures.County c = Fixtures.county();
        String token = Fixtures.token(c.bureauAdmin());
        String key = UUID.randomUUID().toString();
        // a township-level law firm is fine, but the region must exist: first attempt names a missing region
        Map<String, Object> missing = Map.of("type", "LAW_FIRM", "name", "戊律所" + key,
                "regionCode", c.county().substring(0, 6) + "199000");
        create(token, key, missing).then().statusCode(400);
        assertEquals(0L, Fixtures.column("select count(*) from idempotency_record where idem_key = ?1", Long.class, key).get(0));
        create(token, key, missing).then().statusCode(400);
    }

    @Test
    void concurrentDuplicatesCreateExactlyOneRecord() throws Exception {
        Fixtures.County c = Fixtures.county();
        String token = Fixtures.token(c.bureauAdmin());
        String key = UUID.randomUUID().toString();
        String name = "并发律所" + key;
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<Response> call = () -> {
                start.await();
                return create(token, key, firm(c, name));
            };
            futures.add(pool.submit(call));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        for (Future<Response> f : futures) {
            Response r = f.get();
            assertEquals(201, r.statusCode(), r.asString());
            ids.add(r.jsonPath().getString("id"));
        }
        pool.shutdown();
        assertEquals(1, ids.size(), "every retry sees the same record");
        assertEquals(1L, Fixtures.column("select count(*) from organisation where name = ?1", Long.class, name).get(0));
    }

    @Test
    void anInvalidKeyIs400() {
        Fixtures.County c = Fixtures.county();
        create(Fixtures.token(c.bureauAdmin()), "x".repeat(200), firm(c, "己律所")).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_IDEMPOTENCY_KEY"));
    }
}
