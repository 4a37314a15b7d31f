import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dependency-free HTTP load driver for the benchmarks in bench/ (JDK 17 only; run with
 * {@code java bench/LoadDriver.java <mode> [options]}). Closed model: each virtual user is a platform thread
 * with its own HTTP/1.1 client that sends one request, waits for the answer, and sends the next one.
 *
 * <pre>
 * modes
 *   post-json  POST --body FILE to --url with Content-Type application/json and a fresh Idempotency-Key per
 *              request; the bearer token is taken round-robin from --tokens FILE (one per line) or --token
 *   get        GET --url with the bearer token(s); with --follow-cursor each user follows "nextCursor" from the
 *              JSON answer (?cursor=...) for up to --pages pages, then starts again at the first page
 * options
 *   --url URL            target; only localhost / 127.0.0.1 / ::1 are accepted
 *   --vus N              virtual users (default 16)
 *   --duration S         measured seconds (default 30)
 *   --warmup S           seconds of load before measuring, not counted (default 0)
 *   --max-requests N     stop after N measured requests in total (default: no limit)
 *   --expect CODE        the status that counts as success (default 201 for post-json, 200 for get)
 *   --token T | --tokens FILE
 *   --body FILE          request body (post-json)
 *   --bodies FILE        (post-json) one body per line instead; each request takes the next, round-robin
 *   --follow-cursor      (get) follow nextCursor
 *   --pages N            (get --follow-cursor) pages per walk, the first included (default 50)
 *   --timeout S          per-request timeout (default 30)
 *   --label NAME         name printed in the result line
 *   --urls FILE          one URL per line, taken round-robin per request instead of --url (same host rules)
 *   --header "N: V"      one extra request header (e.g. If-None-Match)
 *   (post-json) the text {device} in the body is replaced per request by a fresh random device id
 * output (stdout, one line)
 *   RESULT label=.. requests=.. errors=.. seconds=.. rps=.. p50_ms=.. p95_ms=.. p99_ms=.. max_ms=..
 *   (--follow-cursor adds with_cursor=.., how many measured requests carried a cursor; cpu_s is the CPU time
 *   this driver process used, warm-up included)
 * </pre>
 * requests counts every measured answer (errors included); latencies are over all measured requests.
 * A few error samples go to stderr. Exit status 2 on bad arguments, 1 when nothing succeeded.
 */
public class LoadDriver {

    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadDriver: " + e.getMessage());
            System.err.println("usage: java bench/LoadDriver.java post-json|get --url URL [--vus N] [--duration S] "
                    + "[--warmup S] [--max-requests N] [--expect CODE] [--token T | --tokens FILE] [--body FILE] "
                    + "[--follow-cursor] [--pages N] [--timeout S] [--label NAME]");
            System.exit(2);
            return;
        }
        System.exit(new LoadDriver(o).run());
    }

    private final Options o;
    private final AtomicLong tokenTurn = new AtomicLong();
    private final AtomicLong bodyTurn = new AtomicLong();
    private final AtomicLong urlTurn = new AtomicLong();
    private final AtomicLong measuredCount = new AtomicLong();
    private final AtomicInteger errorSamples = new AtomicInteger();
    private final AtomicLong followed = new AtomicLong();
    private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
    private volatile long measureFrom;
    private volatile long stopAt;

    LoadDriver(Options o) {
        this.o = o;
    }

    int run() throws InterruptedException {
        long start = System.nanoTime();
        measureFrom = start + secondsToNanos(o.warmup);
        stopAt = measureFrom + secondsToNanos(o.duration);
        Worker[] workers = new Worker[o.vus];
        Thread[] threads = new Thread[o.vus];
        for (int i = 0; i < o.vus; i++) {
            workers[i] = new Worker();
            threads[i] = new Thread(workers[i], "vu-" + i);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long last = lastCompletion(workers);
        // from the start of measuring to the last measured answer (in-flight requests finish after stopAt)
        long measuredNanos = last > measureFrom ? last - measureFrom : secondsToNanos(o.duration);

        int total = 0;
        long errors = 0;
        for (Worker w : workers) {
            total += w.count;
            errors += w.errors;
        }
        long[] all = new long[total];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
        }
        Arrays.sort(all);
        double seconds = measuredNanos / 1e9;
        System.out.println(String.format(Locale.ROOT,
                "RESULT label=%s requests=%d errors=%d seconds=%.1f rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f%s",
                o.label, total, errors, seconds, total / seconds, pct(all, 50), pct(all, 95), pct(all, 99),
                total == 0 ? 0 : all[total - 1] / 1e6, o.followCursor ? " with_cursor=" + followed.get() : "")
                + String.format(Locale.ROOT, " cpu_s=%.1f", ProcessHandle.current().info().totalCpuDuration()
                .map(d -> d.toMillis() / 1000.0).orElse(-1.0)));
        samples.forEach(s -> System.err.println("  sample error: " + s));
        return total > errors ? 0 : 1;
    }

    private static long lastCompletion(Worker[] workers) {
        long last = 0;
        for (Worker w : workers) {
            last = Math.max(last, w.lastEnd);
        }
        return last;
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static long secondsToNanos(double s) {
        return (long) (s * 1e9);
    }

    private final class Worker implements Runnable {
        long[] latencies = new long[4096];
        int count;
        long errors;
        long lastEnd;
        private String cursor;
        private int page;
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        @Override
        public void run() {
            while (true) {
                long begin = System.nanoTime();
                if (begin >= stopAt) {
                    return;
                }
                boolean measured = begin >= measureFrom;
                if (measured && o.maxRequests > 0 && measuredCount.incrementAndGet() > o.maxRequests) {
                    return;
                }
                boolean ok;
                try {
                    HttpResponse<String> response = client.send(request(), HttpResponse.BodyHandlers.ofString());
                    ok = response.statusCode() == o.expect;
                    if (!ok) {
                        sample(response.statusCode() + " " + abbreviate(response.body()));
                    }
                    if (o.followCursor) {
                        advance(ok ? response.body() : null);
                    }
                } catch (IOException e) {
                    ok = false;
                    sample(e.getClass().getSimpleName() + ": " + e.getMessage());
                    cursor = null;
                    page = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long end = System.nanoTime();
                if (measured) {
                    record(end - begin, ok);
                    lastEnd = end;
                }
            }
        }

        private HttpRequest request() throws IOException {
            String url = o.url;
            if (cursor != null) {
                if (System.nanoTime() >= measureFrom) {
                    followed.incrementAndGet();
                }
                url += (url.contains("?") ? "&" : "?") + "cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            }
            if (!o.urls.isEmpty()) {
                url = o.urls.get((int) (urlTurn.getAndIncrement() % o.urls.size()));
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofMillis((long) (o.timeout * 1000)))
                    .header("Accept", "application/json");
            if (o.headerName != null) {
                b.header(o.headerName, o.headerValue);
            }
            if (!o.tokens.isEmpty()) {
                b.header("Authorization", "Bearer " + o.tokens.get((int) (tokenTurn.getAndIncrement() % o.tokens.size())));
            }
            if (o.mode.equals("post-json")) {
                b.header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody(o)));
            } else {
                b.GET();
            }
            return b.build();
        }

        /** The next body: round-robin over --bodies, else --body with a fresh {device} id if it has one. */
        private byte[] requestBody(Options o) {
            if (!o.bodies.isEmpty()) {
                return o.bodies.get((int) (bodyTurn.getAndIncrement() % o.bodies.size()));
            }
            return o.deviceBody ? new String(o.body, StandardCharsets.UTF_8)
                    .replace("{device}", "bench-" + UUID.randomUUID().toString().replace("-", ""))
                    .getBytes(StandardCharsets.UTF_8) : o.body;
        }

        private void advance(String body) {
            page++;
            Matcher m = body == null ? null : NEXT_CURSOR.matcher(body);
            if (m != null && page < o.pages && m.find()) {
                cursor = m.group(1);
            } else {
                cursor = null;
                page = 0;
            }
        }

        private void record(long nanos, boolean ok) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            if (!ok) {
                errors++;
            }
        }
    }

    private void sample(String s) {
        if (errorSamples.getAndIncrement() < 5) {
            samples.add(s);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static final class Options {
        String mode;
        String url;
        int vus = 16;
        double duration = 30;
        double warmup = 0;
        long maxRequests = 0;
        int expect = -1;
        List<String> tokens = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        String headerName;
        String headerValue;
        boolean deviceBody;
        byte[] body;
        /** --bodies FILE: one JSON body per line, each request takes the next (e.g. distinct booking slots). */
        List<byte[]> bodies = new ArrayList<>();
        boolean followCursor;
        int pages = 50;
        double timeout = 30;
        String label;

        static Options parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("no mode given");
            }
            Options o = new Options();
            o.mode = args[0];
            if (!o.mode.equals("post-json") && !o.mode.equals("get")) {
                throw new IllegalArgumentException("unknown mode " + o.mode);
            }
            Map<String, String> kv = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--follow-cursor")) {
                    o.followCursor = true;
                } else if (a.startsWith("--") && i + 1 < args.length) {
                    kv.put(a.substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unexpected argument " + a);
                }
            }
            try {
                if (kv.containsKey("urls")) {
                    for (String line : Files.readAllLines(Path.of(kv.get("urls")))) {
                        if (!line.isBlank()) {
                            o.urls.add(line.trim());
                        }
                    }
                    if (o.urls.isEmpty()) {
                        throw new IllegalArgumentException("no URLs in " + kv.get("urls"));
                    }
                    kv.putIfAbsent("url", o.urls.get(0));
                    for (String u : o.urls) {
                        if (!LOCAL_HOSTS.contains(URI.create(u).getHost())) {
                            throw new IllegalArgumentException("only localhost targets are allowed: " + u);
                        }
                    }
                }
                if (kv.containsKey("header")) {
                    String h = kv.get("header");
                    int colon = h.indexOf(':');
                    if (colon < 1) {
                        throw new IllegalArgumentException("--header must be \"Name: value\"");
                    }
                    o.headerName = h.substring(0, colon).trim();
                    o.headerValue = h.substring(colon + 1).trim();
                }
                o.url = require(kv, "url");
                URI uri = URI.create(o.url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                        || uri.getHost() == null || !LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("only http(s)://localhost targets are allowed: " + o.url);
                }
                o.vus = Integer.parseInt(kv.getOrDefault("vus", "16"));
                o.duration = Double.parseDouble(kv.getOrDefault("duration", "30"));
                o.warmup = Double.parseDouble(kv.getOrDefault("warmup", "0"));
                o.maxRequests = Long.parseLong(kv.getOrDefault("max-requests", "0"));
                o.expect = Integer.parseInt(kv.getOrDefault("expect", o.mode.equals("post-json") ? "201" : "200"));
                o.pages = Integer.parseInt(kv.getOrDefault("pages", "50"));
                o.timeout = Double.parseDouble(kv.getOrDefault("timeout", "30"));
                if (kv.containsKey("token")) {
                    o.tokens.add(kv.get("token").trim());
                }
                if (kv.containsKey("tokens")) {
                    for (String line : Files.readAllLines(Path.of(kv.get("tokens")))) {
                        if (!line.isBlank()) {
                            o.tokens.add(line.trim());
                        }
                    }
                    if (o.tokens.isEmpty()) {
                        throw new IllegalArgumentException("no tokens in " + kv.get("tokens"));
                    }
                }
                if (o.mode.equals("post-json") && kv.containsKey("bodies")) {
                    for (String line : Files.readAllLines(Path.of(kv.get("bodies")))) {
                        if (!line.isBlank()) {
                            o.bodies.add(line.getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } else if (o.mode.equals("post-json")) {
                    o.body = Files.readAllBytes(Path.of(require(kv, "body")));
                    o.deviceBody = new String(o.body, StandardCharsets.UTF_8).contains("{device}");
                }
                o.label = kv.getOrDefault("label", o.mode);
                kv.keySet().removeAll(Set.of("url", "vus", "duration", "warmup", "max-requests", "expect", "pages",
                        "timeout", "token", "tokens", "body", "bodies", "label", "urls", "header"));
                if (!kv.isEmpty()) {
                    throw new IllegalArgumentException("unknown option(s) " + kv.keySet());
                }
                if (o.vus < 1 || o.duration <= 0 || o.warmup < 0 || o.pages < 1 || o.timeout <= 0) {
                    throw new IllegalArgumentException("vus, duration, pages and timeout must be positive");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + e.getMessage());
            }
            return o;
        }

        private static String require(Map<String, String> kv, String key) {
            String v = kv.get(key);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("--" + key + " is required");
            }
            return v;
        }
    }
}
