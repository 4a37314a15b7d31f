package org.publiclegal.education;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signed playback URLs in the URL-authentication schemes of the mainstream Chinese CDNs, so a video is
 * never served from a bare permanent URL:
 * <ul>
 *     <li>{@link Scheme#ALIYUN_A} (阿里云 CDN 鉴权方式A): {@code {base}{path}?auth_key={timestamp}-{rand}-{uid}-{md5hash}};</li>
 *     <li>{@link Scheme#TENCENT_A} (腾讯云 CDN TypeA): {@code {base}{path}?sign={timestamp}-{rand}-{uid}-{md5hash}}
 *     (the parameter name is configurable on Tencent's side, hence {@code param});</li>
 * </ul>
 * both with {@code md5hash = md5("{path}-{timestamp}-{rand}-{uid}-{key}")}, {@code timestamp} the signing time in
 * Unix seconds and {@code uid} 0. The CDN rejects the URL (403) once {@code timestamp + ttl} has passed, where
 * ttl is the validity configured on the CDN; {@link #expiresAt} is that moment, and {@link #verify} is the
 * CDN's check. Paths must be ASCII (percent-encoded): both CDNs sign the encoded path.
 */
public final class PlaybackSigner {

    /** The CDN URL-authentication scheme. */
    public enum Scheme {
        ALIYUN_A("auth_key"), TENCENT_A("sign");

        final String defaultParam;

        Scheme(String defaultParam) {
            this.defaultParam = defaultParam;
        }
    }

    /** A playback URL and the moment the CDN stops accepting it. */
    public record SignedUrl(String url, Instant expiresAt) {
    }

    public static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~%/-]{1,299}");
    private static final Pattern RAND = Pattern.compile("[A-Za-z0-9]{0,100}");

    private final Scheme scheme;
    private final String baseUrl;
    private final String key;
    private final Duration ttl;
    private final String param;

    public PlaybackSigner(Scheme scheme, String baseUrl, String key, Duration ttl, String param) {
        if (key == null || key.length() < 6) {
            throw new IllegalArgumentException("playback key must have at least 6 characters");
        }
        this.scheme = scheme;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.key = key;
        this.ttl = ttl;
        this.param = param == null || param.isBlank() ? scheme.defaultParam : param;
    }

    public Scheme scheme() {
        return scheme;
    }

    /** Signs {@code path} at {@code now} with the random string {@code rand} (letters and digits, no '-'). */
    public SignedUrl sign(String path, Instant now, String rand) {
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("playback path must be an encoded ASCII path starting with '/'");
        }
        if (!RAND.matcher(rand).matches()) {
            throw new IllegalArgumentException("rand must be letters and digits");
        }
        long timestamp = now.getEpochSecond();
        String hash = md5(path + "-" + timestamp + "-" + rand + "-0-" + key);
        String url = baseUrl + path + "?" + param + "=" + timestamp + "-" + rand + "-0-" + hash;
        return new SignedUrl(url, expiresAt(timestamp));
    }

    /** When a URL signed at {@code timestamp} (Unix seconds) stops working. */
    public Instant expiresAt(long timestamp) {
        return Instant.ofEpochSecond(timestamp).plus(ttl);
    }

    /** The CDN's check: the signature matches this key and the URL has not expired at {@code now}. */
    public boolean verify(String url, Instant now) {
        Matcher m = Pattern.compile(Pattern.quote(baseUrl) + "(/[^?]*)\\?" + Pattern.quote(param)
                + "=(\\d{10})-([A-Za-z0-9]*)-(\\d+)-([0-9a-f]{32})").matcher(url);
        if (!m.matches()) {
            return false;
        }
        long timestamp = Long.parseLong(m.group(2));
        String expected = md5(m.group(1) + "-" + timestamp + "-" + m.group(3) + "-" + m.group(4) + "-" + key);
        return expected.equals(m.group(5)) && now.isBefore(expiresAt(timestamp));
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
