package org.publiclegal.shared.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start with settings that must never reach production: demo data, the fake WeChat login,
 * missing JWT keys or WeChat credentials. Fails with a message that says what to set.
 */
@ApplicationScoped
public class StartupChecks {

    private final AppConfig config;

    public StartupChecks(AppConfig config) {
        this.config = config;
    }

    void check(@Observes @Priority(1) StartupEvent event) {
        verify(config, ConfigProvider.getConfig(), LaunchMode.current() == LaunchMode.NORMAL && isProdProfile());
    }

    static boolean isProdProfile() {
        return ConfigUtils.getProfiles().contains("prod");
    }

    /** Throws if the configuration is not fit to run; {@code production} applies the prod-only rules. */
    public static void verify(AppConfig config, Config c, boolean production) {
        boolean signKey = c.getOptionalValue("smallrye.jwt.sign.key", String.class).isPresent()
                || c.getOptionalValue("smallrye.jwt.sign.key.location", String.class).isPresent();
        boolean verifyKey = c.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent()
                || c.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent();
        if (!signKey || !verifyKey) {
            throw new IllegalStateException("JWT keys are missing: set SMALLRYE_JWT_SIGN_KEY (private key, PEM) and "
                    + "MP_JWT_VERIFY_PUBLICKEY (public key, PEM), e.g. from the Kubernetes Secret 'public-legal-services-secrets'.");
        }
        if (!production) {
            return;
        }
        if (config.demo().enabled()) {
            throw new IllegalStateException("Demo data (app.demo.enabled=true) is refused in the prod profile.");
        }
        if (config.wechat().mode() == AppConfig.Wechat.Mode.FAKE) {
            throw new IllegalStateException("The fake WeChat login (app.wechat.mode=fake) is refused in the prod profile.");
        }
        if (config.wechat().appId().isEmpty() || config.wechat().secret().isEmpty()) {
            throw new IllegalStateException("WeChat login needs APP_WECHAT_APP_ID and APP_WECHAT_SECRET in production.");
        }
    }
}
