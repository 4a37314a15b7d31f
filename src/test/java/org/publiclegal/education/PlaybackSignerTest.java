package org.publiclegal.education;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaybackSignerTest {

    private static final Instant SIGNED = Instant.ofEpochSecond(1444435200L);

    @Test
    void aliyunTypeAMatchesTheDocumentedExample() {
        // 阿里云 CDN 鉴权方式A example: key aliyuncdnexp1234, /video/standard/test.mp4, timestamp 1444435200, rand 0
        PlaybackSigner signer = new PlaybackSigner(PlaybackSigner.Scheme.ALIYUN_A, "http://domain.example.com",
                "aliyuncdnexp1234", Duration.ofMinutes(30), null);
        PlaybackSigner.SignedUrl url = signer.sign("/video/standard/test.mp4", SIGNED, "0");
        assertEquals("http://domain.example.com/video/standard/test.mp4?auth_key=1444435200-0-0-23bf85053008f5c0e791667a313e28ce",
                url.url());
        assertEquals(SIGNED.plusSeconds(1800), url.expiresAt());
    }

    @Test
    void tencentTypeAUsesTheSignParameterWithTheSameHash() {
        PlaybackSigner signer = new PlaybackSigner(PlaybackSigner.Scheme.TENCENT_A, "https://cloud.example.com/",
                "aliyuncdnexp1234", Duration.ofMinutes(30), null);
        String expected = PlaybackSigner.md5("/test.jpg-1444435200-im1acp76sx9sdqe601v-0-aliyuncdnexp1234");
        assertEquals("https://cloud.example.com/test.jpg?sign=1444435200-im1acp76sx9sdqe601v-0-" + expected,
                signer.sign("/test.jpg", SIGNED, "im1acp76sx9sdqe601v").url());
        PlaybackSigner renamed = new PlaybackSigner(PlaybackSigner.Scheme.TENCENT_A, "https://cloud.example.com",
                "aliyuncdnexp1234", Duration.ofMinutes(30), "token");
        assertTrue(renamed.sign("/test.jpg", SIGNED, "r").url().contains("?token=1444435200-r-0-"));
    }

    @Test
    void aSignedUrlWorksUntilOneSecondBeforeItsExpiryAndNotAtIt() {
        PlaybackSigner signer = new PlaybackSigner(PlaybackSigner.Scheme.ALIYUN_A, "https://video.example.cn",
                "secret-key-1", Duration.ofMinutes(30), null);
        PlaybackSigner.SignedUrl url = signer.sign("/pufa/001.mp4", SIGNED, "abc");
        assertTrue(signer.verify(url.url(), SIGNED));
        assertTrue(signer.verify(url.url(), url.expiresAt().minusSeconds(1)));
        assertFalse(signer.verify(url.url(), url.expiresAt()), "expired at timestamp + ttl");
    }

    @Test
    void aTamperedPathOrAnotherKeyFailsVerification() {
        PlaybackSigner signer = new PlaybackSigner(PlaybackSigner.Scheme.ALIYUN_A, "https://video.example.cn",
                "secret-key-1", Duration.ofMinutes(30), null);
        String url = signer.sign("/pufa/001.mp4", SIGNED, "abc").url();
        assertFalse(signer.verify(url.replace("001", "002"), SIGNED));
        PlaybackSigner other = new PlaybackSigner(PlaybackSigner.Scheme.ALIYUN_A, "https://video.example.cn",
                "secret-key-2", Duration.ofMinutes(30), null);
        assertFalse(other.verify(url, SIGNED));
    }

    @Test
    void refusesPathsThatAreNotEncodedAsciiAndKeysShorterThanSixCharacters() {
        PlaybackSigner signer = new PlaybackSigner(PlaybackSigner.Scheme.ALIYUN_A, "https://video.example.cn",
                "secret-key-1", Duration.ofMinutes(30), null);
        assertThrows(IllegalArgumentException.class, () -> signer.sign("/普法/001.mp4", SIGNED, "a"));
        assertThrows(IllegalArgumentException.class, () -> signer.sign("https://x/001.mp4", SIGNED, "a"));
        assertThrows(IllegalArgumentException.class, () -> signer.sign("/001.mp4", SIGNED, "a-b"));
        assertThrows(IllegalArgumentException.class, () -> new PlaybackSigner(PlaybackSigner.Scheme.ALIYUN_A,
                "https://video.example.cn", "short", Duration.ofMinutes(30), null));
    }

    @Test
    void aKeyOfExactlySixCharactersIsEnoughAndTheSchemeIsKept() {
        PlaybackSigner signer = new PlaybackSigner(PlaybackSigner.Scheme.TENCENT_A, "https://video.example.cn",
                "six-ch", Duration.ofMinutes(30), null);
        assertEquals(PlaybackSigner.Scheme.TENCENT_A, signer.scheme());
        String url = signer.sign("/001.mp4", SIGNED, "a").url();
        assertTrue(signer.verify(url, SIGNED));
    }

    @Test
    void aUrlOfAnotherDomainOrParameterIsNotOursToVerify() {
        PlaybackSigner signer = new PlaybackSigner(PlaybackSigner.Scheme.ALIYUN_A, "https://video.example.cn",
                "secret-key-1", Duration.ofMinutes(30), null);
        String url = signer.sign("/001.mp4", SIGNED, "a").url();
        assertFalse(signer.verify(url.replace("video.example.cn", "cdn.example.cn"), SIGNED));
        assertFalse(signer.verify(url.replace("auth_key=", "sign="), SIGNED));
    }
}
