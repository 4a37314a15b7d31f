package org.publiclegal.identity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.security.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Creates the first system administrator (初始系统管理员) of an empty production database from the
 * APP_BOOTSTRAP_ADMIN_* variables, at start-up, only while no SYSTEM_ADMIN exists. The password is marked
 * for change: the account cannot sign in before its owner has replaced it (POST /api/auth/password).
 * Audited as SYSTEM_ADMIN_BOOTSTRAPPED. Instances starting together serialise on a transaction-scoped
 * advisory lock, so only one administrator is ever created.
 */
@ApplicationScoped
public class AdminBootstrap {

    /** Key of the advisory lock held while checking for and creating the administrator. */
    static final long LOCK_KEY = 0x5041_4c53_4144_4d4eL;

    public enum Outcome { CREATED, ADMINISTRATOR_EXISTS }

    private final AppConfig config;
    private final AccountRepository accounts;
    private final StaffCredentialRepository credentials;
    private final OrganisationService directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final Vertx vertx;

    public AdminBootstrap(AppConfig config, AccountRepository accounts, StaffCredentialRepository credentials,
                          OrganisationService directory, AuditTrail audit, Clock clock, Vertx vertx) {
        this.config = config;
        this.accounts = accounts;
        this.credentials = credentials;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.vertx = vertx;
    }

    /** After the migrations and the demo data (priority 10). */
    void onStart(@Observes @Priority(20) StartupEvent event) throws Throwable {
        Optional<AdminBootstrapSettings> settings = AdminBootstrapSettings.from(config.bootstrapAdmin(),
                AdminBootstrap::readFile);
        if (settings.isEmpty()) {
            return;
        }
        Outcome outcome = VertxContextSupport.subscribeAndAwait(() -> run(settings.get()));
        if (outcome == Outcome.CREATED) {
            Log.warnf("Bootstrap: first system administrator '%s' created (audit SYSTEM_ADMIN_BOOTSTRAPPED); the "
                    + "password must be changed at the first sign-in. Remove the APP_BOOTSTRAP_ADMIN_* variables.",
                    settings.get().username());
        } else {
            Log.warnf("Bootstrap refused: APP_BOOTSTRAP_ADMIN_USERNAME is set but a system administrator already "
                    + "exists; nothing was changed. Remove the APP_BOOTSTRAP_ADMIN_* variables.");
        }
    }

    /** Creates the administrator unless one exists; safe to call from several instances at once. */
    public Uni<Outcome> run(AdminBootstrapSettings s) {
        Actor system = new Actor(null, null, null);
        return vertx.executeBlocking(Uni.createFrom().item(() ->
                        AuthService.hashPassword(s.password(), config.auth().bcryptCost())))
                .chain(hash -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(
                                        "select 1 from (select pg_advisory_xact_lock(?1)) l", Integer.class)
                                .setParameter(1, LOCK_KEY).getSingleResult())
                        .chain(locked -> accounts.count("kind = ?1 and active = true and concat(',', roles, ',') like ?2",
                                AccountKind.STAFF, "%," + Roles.SYSTEM_ADMIN + ",%"))
                        .chain(admins -> admins > 0 ? Uni.createFrom().item(Outcome.ADMINISTRATOR_EXISTS)
                                : create(s, hash, system))));
    }

    private Uni<Outcome> create(AdminBootstrapSettings s, String hash, Actor system) {
        return credentials.findByUsername(s.username()).chain(taken -> {
            if (taken != null) {
                throw new IllegalStateException("APP_BOOTSTRAP_ADMIN_USERNAME '" + s.username()
                        + "' is already used by another staff account; choose another name");
            }
            return directory.bootstrapHome(s.regionCode(), s.regionName(), s.organisationName(), system);
        }).chain(org -> {
            Account account = Account.staff("系统管理员", Set.of(Roles.SYSTEM_ADMIN), org.id, org.regionCode,
                    clock.instant());
            StaffCredential c = new StaffCredential();
            c.accountId = account.id;
            c.username = s.username();
            c.passwordHash = hash;
            c.changedAt = clock.instant();
            c.passwordChangeRequired = true;
            return accounts.persist(account).chain(a -> credentials.persist(c))
                    .call(x -> audit.record(system, "SYSTEM_ADMIN_BOOTSTRAPPED", "account", account.id,
                            org.regionCode, s.username() + " at start-up (APP_BOOTSTRAP_ADMIN_*), password change required"))
                    .replaceWith(Outcome.CREATED);
        });
    }

    private static String readFile(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("APP_BOOTSTRAP_ADMIN_PASSWORD_FILE cannot be read: " + path, e);
        }
    }
}
