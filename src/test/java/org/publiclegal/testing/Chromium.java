package org.publiclegal.testing;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's headless chromium driven through Debian's chromedriver, for the browser tests. The binaries are
 * given explicitly, so Selenium Manager (which would download a browser) is never used. {@link #ensureInstalled()}
 * runs {@code src/test/browser/ensure-chromium.sh}, which installs the packages when they are missing.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path ENSURE = Path.of("src/test/browser/ensure-chromium.sh");
    private static boolean installed;

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    private Chromium(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** Installs chromium and chromedriver if needed; fails with the script's output when it cannot. */
    public static synchronized void ensureInstalled() {
        if (installed) {
            return;
        }
        try {
            Process p = new ProcessBuilder("bash", ENSURE.toString()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(ENSURE + " did not finish in 15 minutes:\n" + output);
            }
            if (p.exitValue() != 0 || !Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
                throw new IllegalStateException("Chromium for the browser tests is not available (" + ENSURE
                        + " exited " + p.exitValue() + "):\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + ENSURE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        installed = true;
    }

    /** A fresh headless browser with its own profile and download folder, with a laptop-sized window. */
    public static Chromium laptop() {
        return start(1280, 900, false);
    }

    /** The same, as a phone of the given screen width (headless windows are never narrower than 500 px). */
    public static Chromium phone(int width, int height) {
        return start(width, height, true);
    }

    private static Chromium start(int width, int height, boolean phone) {
        ensureInstalled();
        try {
            Path profile = Files.createTempDirectory("chromium-profile-");
            Path downloads = Files.createTempDirectory("chromium-downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--window-size=" + Math.max(width, 500) + "," + height, "--lang=zh-CN");
            if (phone) {
                options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                        Map.of("width", width, "height", height, "pixelRatio", 1.0, "mobile", true, "touch", true)));
            }
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogOutput(java.io.OutputStream.nullOutputStream())
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            return new Chromium(driver, profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Path downloads() {
        return downloads;
    }

    /** The console messages logged since the last call. */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** The whole page as a PNG (for a person to look at; the tests save them under target/screenshots). */
    @SuppressWarnings("unchecked")
    public void screenshot(Path file) {
        Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
                "scale", 1);
        String png = (String) driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
            delete(downloads);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
