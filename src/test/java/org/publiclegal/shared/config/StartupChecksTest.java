package org.publiclegal.shared.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the prod profile refuses to start with. */
class StartupChecksTest {

    private static final Map<String, String> PROD_READY = Map.of(
            "smallrye.jwt.sign.key", "-----BEGIN PRIVATE KEY-----x",
            "mp.jwt.verify.publickey", "-----BEGIN PUBLIC KEY-----x",
            "app.wechat.app-id", "wx123", "app.wechat.secret", "s3cret");

    private static void verify(Map<String, String> overrides, boolean production) {
        Map<String, String> values = new HashMap<>(PROD_READY);
        values.putAll(overrides);
        values.values().removeIf(v -> v == null || v.isEmpty());
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AppConfig.class)
                .withConverter(io.quarkus.runtime.configuration.MemorySize.class, 100,
                        new io.quarkus.runtime.configuration.MemorySizeConverter())
                .withSources(new PropertiesConfigSource(values, "test", 300)).build();
        StartupChecks.verify(config.getConfigMapping(AppConfig.class), config, production);
    }

    @Test
    void aCompleteProductionConfigurationStarts() {
        assertDoesNotThrow(() -> verify(Map.of(), true));
    }

    @Test
    void missingJwtKeysFailWithAMessageNamingTheVariables() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> verify(Map.of("smallrye.jwt.sign.key", ""), true));
        assertTrue(e.getMessage().contains("SMALLRYE_JWT_SIGN_KEY"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> verify(Map.of("mp.jwt.verify.publickey", ""), false));
    }

    @Test
    void prodRefusesDemoDataAndTheFakeWeChatLogin() {
        assertTrue(assertThrows(IllegalStateException.class, () -> verify(Map.of("app.demo.enabled", "true"), true))
                .getMessage().contains("Demo data"));
        assertTrue(assertThrows(IllegalStateException.class, () -> verify(Map.of("app.wechat.mode", "fake"), true))
                .getMessage().contains("fake WeChat"));
        assertThrows(IllegalStateException.class, () -> verify(Map.of("app.wechat.secret", ""), true));
        assertDoesNotThrow(() -> verify(Map.of("app.demo.enabled", "true", "app.wechat.mode", "fake"), false));
    }
}
