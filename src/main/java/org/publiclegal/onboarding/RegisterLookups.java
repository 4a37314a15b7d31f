package org.publiclegal.onboarding;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the advisor, contract and membership rows look up while they are checked (blocking: the import job runs on
 * its worker thread, outside any Hibernate session), read through the pool as {@link ImportStore}'s look-ups are.
 */
@ApplicationScoped
public class RegisterLookups {

    private final Pool pool;

    public RegisterLookups(Pool pool) {
        this.pool = pool;
    }

    /** A staff account as the rows need it; the sealed mobile stays sealed until a row asks to compare it. */
    public record StaffAccount(UUID id, String displayName, Set<String> roles, String regionCode, boolean active,
                               LocalDate validFrom, LocalDate validTo, String mobileCipher, String mobileKeyId) {
    }

    private static final String ACCOUNT_COLUMNS = """
            a.id, a.display_name, a.roles, a.region_code, a.active, a.valid_from, a.valid_to, a.mobile_cipher,
            a.mobile_key_id""";

    private static StaffAccount account(Row r) {
        return new StaffAccount(r.getUUID("id"), r.getString("display_name"),
                new LinkedHashSet<>(Arrays.asList(r.getString("roles").split(","))), r.getString("region_code"),
                r.getBoolean("active"), r.getLocalDate("valid_from"), r.getLocalDate("valid_to"),
                r.getString("mobile_cipher"), r.getString("mobile_key_id"));
    }

    /** The staff account signing in as {@code username}, or null. */
    public StaffAccount staffByUsername(String username) {
        var rows = pool.preparedQuery("select " + ACCOUNT_COLUMNS + " from account a join staff_credential c "
                        + "on c.account_id = a.id where lower(c.username) = lower($1) and a.kind = 'STAFF'")
                .execute(Tuple.of(username)).await().indefinitely();
        return rows.iterator().hasNext() ? account(rows.iterator().next()) : null;
    }

    /** Staff accounts of a region range named {@code name} (candidates for a name + mobile match). */
    public List<StaffAccount> staffByName(String name, String low, String high) {
        List<StaffAccount> list = new ArrayList<>();
        pool.preparedQuery("select " + ACCOUNT_COLUMNS + " from account a where a.kind = 'STAFF' and a.display_name = $1 "
                        + "and a.region_code >= $2 and a.region_code < $3")
                .execute(Tuple.of(name, low, high)).await().indefinitely().forEach(r -> list.add(account(r)));
        return list;
    }

    /** Whether the account is registered as an advisor (法律顾问), and with which licence number; null when not. */
    public String advisorLicence(UUID accountId) {
        var rows = pool.preparedQuery("select licence_number from adv_advisor where account_id = $1")
                .execute(Tuple.of(accountId)).await().indefinitely();
        return rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null;
    }

    /** The advisor holding licence {@code licence}, or null. */
    public UUID licenceHolder(String licence) {
        var rows = pool.preparedQuery("select account_id from adv_advisor where licence_number = $1")
                .execute(Tuple.of(licence)).await().indefinitely();
        return rows.iterator().hasNext() ? rows.iterator().next().getUUID(0) : null;
    }

    /** The day through which a village's advisor coverage has been written to the ledger, or null (never). */
    public LocalDate coverageRecordedThrough(String villageCode) {
        var rows = pool.preparedQuery("select synced_on from adv_village_coverage where village_code = $1")
                .execute(Tuple.of(villageCode)).await().indefinitely();
        return rows.iterator().hasNext() ? rows.iterator().next().getLocalDate(0) : null;
    }

    /** A membership of a mediator: committee, [from, until). */
    public record Membership(UUID committeeId, LocalDate from, LocalDate until) {
    }

    public List<Membership> memberships(UUID accountId) {
        List<Membership> list = new ArrayList<>();
        pool.preparedQuery("select organisation_id, valid_from, valid_to from committee_membership where account_id = $1")
                .execute(Tuple.of(accountId)).await().indefinitely()
                .forEach(r -> list.add(new Membership(r.getUUID(0), r.getLocalDate(1), r.getLocalDate(2))));
        return list;
    }

    /** Whether the account has an earlier serving span kept after a 停用 and 重新启用. */
    public boolean accountHasPastSpan(UUID accountId) {
        return pool.preparedQuery("select exists (select 1 from register_past_span where register = 'ACCOUNT' "
                        + "and object_id = $1)").execute(Tuple.of(accountId.toString())).await().indefinitely()
                .iterator().next().getBoolean(0);
    }

    /** An organisation's current serving span [validFrom, validTo), or null if unknown. */
    public LocalDate[] organisationSpan(UUID organisationId) {
        var rows = pool.preparedQuery("select valid_from, valid_to from organisation where id = $1")
                .execute(Tuple.of(organisationId)).await().indefinitely();
        if (!rows.iterator().hasNext()) {
            return null;
        }
        Row r = rows.iterator().next();
        return new LocalDate[]{r.getLocalDate(0), r.getLocalDate(1)};
    }
}
