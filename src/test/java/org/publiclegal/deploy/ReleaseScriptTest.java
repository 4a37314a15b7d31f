package org.publiclegal.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code k8s/release.sh} (issue 19): the release step that pins the prod image by tag and digest. */
class ReleaseScriptTest {

    private static final String DIGEST = "sha256:" + "3f".repeat(32);

    @Test
    void setsTheDigestAndThePomVersionAndTheCheckThenPasses(@TempDir Path dir) throws Exception {
        Path overlay = copyOfProdOverlay(dir);
        assertEquals(1, run("--check", "--overlay", overlay.toString()).exit, "the committed placeholder fails the check");
        Result set = run("--digest", DIGEST, "--overlay", overlay.toString());
        assertEquals(0, set.exit, set.output);
        String text = Files.readString(overlay.resolve("kustomization.yaml"));
        assertTrue(text.contains("    digest: " + DIGEST + "\n"), text);
        assertTrue(text.contains("    newTag: 0.1.0\n"), text);
        Result check = run("--check", "--overlay", overlay.toString());
        assertEquals(0, check.exit, check.output);
        // only the two lines changed
        List<String> before = Files.readAllLines(Path.of("k8s/overlays/prod/kustomization.yaml"));
        List<String> after = Files.readAllLines(overlay.resolve("kustomization.yaml"));
        assertEquals(before.size(), after.size());
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            changed += before.get(i).equals(after.get(i)) ? 0 : 1;
        }
        assertEquals(1, changed, "the tag is already the pom version; only the digest line changes");
    }

    @Test
    void refusesSomethingThatIsNotADigest(@TempDir Path dir) throws Exception {
        Path overlay = copyOfProdOverlay(dir);
        for (String bad : new String[] {"latest", "sha256:abc", "sha256:" + "0".repeat(64), "sha256:" + "G".repeat(64)}) {
            assertEquals(1, run("--digest", bad, "--overlay", overlay.toString()).exit, bad);
        }
        assertEquals(Files.readString(Path.of("k8s/overlays/prod/kustomization.yaml")),
                Files.readString(overlay.resolve("kustomization.yaml")));
    }

    private static Path copyOfProdOverlay(Path dir) throws IOException {
        Path overlay = Files.createDirectories(dir.resolve("prod"));
        Files.copy(Path.of("k8s/overlays/prod/kustomization.yaml"), overlay.resolve("kustomization.yaml"));
        return overlay;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "k8s/release.sh"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
