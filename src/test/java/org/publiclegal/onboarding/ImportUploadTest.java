package org.publiclegal.onboarding;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.publiclegal.shared.storage.ChunkedObjects;
import org.publiclegal.shared.storage.FileTypes;
import org.publiclegal.testing.Fixtures;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.publiclegal.onboarding.ImportFlowTest.settled;
import static org.publiclegal.onboarding.ImportFlowTest.upload;

/**
 * The upload streams: the request body is stored in sealed chunks as it arrives (test profile: 16 KB chunks, a
 * 4 MB limit) and the job reads it back chunk by chunk, the encoding of a CSV still told from its first bytes; a
 * file over the limit is answered 413 and nothing is kept.
 */
@QuarkusTest
class ImportUploadTest {

    @Inject
    ChunkedObjects files;

    /** A screening 台账 of {@code rows} distinct rows (about 60 bytes each) as CSV text. */
    private static String screeningsCsv(Fixtures.County c, int rows) {
        int year = LocalDate.now().getYear() - 1;
        StringBuilder csv = new StringBuilder("排查日期,排查地区代码,排查地点,走访户数,发现纠纷数,风险等级,备注\n");
        String[] villages = {c.villageA1(), c.villageA2(), c.villageB1()};
        for (int i = 0; i < rows; i++) {
            csv.append(LocalDate.of(year, 1, 1).plusDays(i % 365)).append(',').append(villages[i % 3])
                    .append(",村委会及各村民小组,").append(10 + i / 365).append(',').append(i % 4).append(",低,走访记录第")
                    .append(i).append("条\n");
        }
        return csv.toString();
    }

    private byte[] stored(UUID key) throws Exception {
        try (InputStream in = files.open(key)) {
            return in.readAllBytes();
        }
    }

    private void roundTrips(Fixtures.County c, String csv, Charset charset, int rows) throws Exception {
        byte[] file = csv.getBytes(charset);
        assertTrue(file.length > CsvCharset.SAMPLE + 16 * 1024, "more than the sample and several chunks");
        String id = upload(c.bureauAdmin(), ImportKind.SCREENINGS, file).getString("id");
        JsonPath checked = settled(c.bureauAdmin(), id);
        assertEquals("VALIDATED", checked.getString("status"), checked::prettify);
        assertEquals(rows, checked.getInt("rowsTotal"));
        assertEquals(rows, checked.getInt("rowsNew"));

        Object[] job = Fixtures.sql("select i.file_key, i.file_sha256, o.chunk_count, o.size_bytes from onboarding_import i "
                + "join stored_object o on o.object_key = i.file_key where i.id = ?1", UUID.fromString(id)).get(0);
        UUID key = (UUID) job[0];
        assertEquals(FileTypes.sha256Hex(file), job[1].toString().trim());
        assertEquals((file.length + 16 * 1024 - 1) / (16 * 1024), ((Number) job[2]).intValue());
        assertEquals(file.length, ((Number) job[3]).longValue());
        assertArrayEquals(file, stored(key), "read back whole, chunk after chunk");
        // sealed: no chunk holds the text in the clear
        byte[] firstChunk = (byte[]) Fixtures.sql("select content, seq from stored_object_chunk where object_key = ?1 and seq = 0",
                key).get(0)[0];
        byte[] header = "排查日期".getBytes(charset);
        assertFalse(indexOf(firstChunk, header) >= 0);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aGb18030CsvOfManyChunksIsStoredSealedAndReadBackAsUploaded() throws Exception {
        Fixtures.County c = Fixtures.county();
        roundTrips(c, screeningsCsv(c, 3000), CsvCharset.GB18030, 3000);
    }

    @Test
    void aUtf8CsvWhoseSampleEndsInsideACharacterIsStillReadAsUtf8() throws Exception {
        Fixtures.County c = Fixtures.county();
        String csv = screeningsCsv(c, 3000);
        // pad the first row's 备注 so that a three-byte character straddles the end of the sample
        int firstRowEnd = csv.indexOf('\n', csv.indexOf('\n') + 1);
        String pad = "";
        while (true) {
            String candidate = csv.substring(0, firstRowEnd) + pad + csv.substring(firstRowEnd);
            byte[] b = candidate.getBytes(StandardCharsets.UTF_8);
            if ((b[CsvCharset.SAMPLE - 1] & 0xF0) == 0xE0 || (b[CsvCharset.SAMPLE - 2] & 0xF0) == 0xE0) {
                csv = candidate;
                break;
            }
            pad += pad.length() % 2 == 0 ? "调" : "x";
        }
        roundTrips(c, csv, StandardCharsets.UTF_8, 3000);
    }

    @Test
    void aFileOverTheLimitIsAnswered413AndNothingIsKept() {
        Fixtures.County c = Fixtures.county();
        long before = ((Number) Fixtures.sql("select count(*), 0 from stored_object").get(0)[0]).longValue();
        long imports = ((Number) Fixtures.sql("select count(*), 0 from onboarding_import where scope_region = ?1",
                c.county()).get(0)[0]).longValue();
        byte[] big = new byte[4 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        given().auth().oauth2(Fixtures.token(c.bureauAdmin(), Duration.ofMinutes(15))).contentType("text/csv")
                .queryParam("kind", "SCREENINGS").body(big).post("/api/imports").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("detail", equalTo("导入文件超过 4 MB 的上限，请拆分为几个文件分别导入"));
        assertEquals(0, ((Number) Fixtures.sql("select count(*), 0 from onboarding_import where scope_region = ?1",
                c.county()).get(0)[0]).longValue() - imports);
        assertEquals(0, ((Number) Fixtures.sql("select count(*), 0 from stored_object where chunk_count = 0").get(0)[0])
                .longValue(), "no half-stored file");

        // exactly the limit is taken (a file of 4 MB: its dry run finds no header it knows)
        byte[] limit = Arrays.copyOf(big, big.length - 1);
        String id = upload(c.bureauAdmin(), ImportKind.SCREENINGS, limit).getString("id");
        assertEquals("REJECTED", settled(c.bureauAdmin(), id).getString("status"));
        assertTrue(((Number) Fixtures.sql("select count(*), 0 from stored_object").get(0)[0]).longValue() >= before + 1);
    }

    @Test
    void anEmptyFileIsRefused() {
        Fixtures.County c = Fixtures.county();
        given().auth().oauth2(Fixtures.token(c.bureauAdmin())).contentType("text/csv").queryParam("kind", "SCREENINGS")
                .body(new byte[0]).post("/api/imports").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file")).body("errors[0].message", equalTo("文件为空"));
    }
}
