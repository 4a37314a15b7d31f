package org.publiclegal.shared.domain;

import java.time.LocalDate;

/**
 * 停用 (deactivation) of a dated register row (an organisation, a staff account): the rule both share, so the
 * twin of {@link Reactivation}. Only a serving row can be deactivated (409 naming the day it already stopped), and
 * not before the day it started serving (400 naming {@code on}): figures of days before {@code on} still count it.
 */
public final class Deactivation {

    private Deactivation() {
    }

    /**
     * Checks that the row {@code what} (账号, 机构), serving since {@code validFrom} when {@code active}, may be
     * deactivated from {@code on}.
     */
    public static void check(String what, boolean active, LocalDate validFrom, LocalDate validTo, LocalDate on) {
        if (!active) {
            throw DomainException.conflict("该" + what + "已于 " + validTo + " 停用");
        }
        if (on.isBefore(validFrom)) {
            throw DomainException.invalidField("on", "停用日期不能早于启用日期 " + validFrom);
        }
    }
}
