package org.publiclegal.shared.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * For local runs only: when no JWT keys are configured and the profile is not {@code prod}, generates an
 * RSA key pair once under {@code app.jwt.dev-key-dir} and supplies it as the signing and verification key.
 * In {@code prod} it never generates anything; {@link JwtKeyCheck} then refuses to start without keys.
 */
public class LocalJwtKeysConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (context.getProfiles().contains("prod")
                || isSet(context, "smallrye.jwt.sign.key") || isSet(context, "smallrye.jwt.sign.key.location")
                || isSet(context, "mp.jwt.verify.publickey") || isSet(context, "mp.jwt.verify.publickey.location")) {
            return List.of();
        }
        ConfigValue dir = context.getValue("app.jwt.dev-key-dir");
        if (dir == null || dir.getValue() == null || dir.getValue().isBlank()) {
            return List.of();
        }
        Path folder = Path.of(dir.getValue());
        Path privateKey = folder.resolve("private.pem");
        Path publicKey = folder.resolve("public.pem");
        try {
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                generate(folder, privateKey, publicKey);
            }
            return List.of(new PropertiesConfigSource(Map.of(
                    "smallrye.jwt.sign.key", Files.readString(privateKey),
                    "mp.jwt.verify.publickey", Files.readString(publicKey)), "local-jwt-keys", 240));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the local JWT keys in " + folder, e);
        }
    }

    private static void generate(Path folder, Path privateKey, Path publicKey) throws IOException {
        try {
            Files.createDirectories(folder);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v != null && v.getValue() != null && !v.getValue().isBlank();
    }
}
