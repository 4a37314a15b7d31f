package org.publiclegal.shared.domain;

import java.time.LocalDate;

/**
 * 重新启用 (reactivation) of a dated register row (an organisation, a staff account, a region): a new serving span
 * from {@code on}, never erasing the old one. The row keeps its current span in {@code validFrom}/{@code validTo};
 * the span it served before is returned here to be kept in {@code register_past_span}.
 * <ul>
 *   <li>Reactivating from the day it was deactivated undoes the deactivation: the span simply continues
 *       ({@code validFrom} unchanged, nothing archived), since no day was left out.</li>
 *   <li>A span that served no day ({@code validFrom == validTo}) is not archived.</li>
 *   <li>Otherwise the old span [validFrom, validTo) is archived and the new one starts on {@code on}.</li>
 * </ul>
 *
 * @param newFrom  the first day of the current span after reactivation
 * @param archived the span to keep as a past span, or null when none
 */
public record Reactivation(LocalDate newFrom, Span archived) {

    /** A closed span [from, to). */
    public record Span(LocalDate from, LocalDate to, String reason) {
    }

    /**
     * The reactivation of a row whose current span is [validFrom, validTo) from day {@code on}: 409 when it is
     * not deactivated ({@code validTo == null}), 400 naming {@code on} when {@code on} is before {@code validTo}
     * (the spans would overlap: that would rewrite the days it was reported as not serving).
     */
    public static Reactivation of(String what, LocalDate validFrom, LocalDate validTo, String reason, LocalDate on) {
        if (validTo == null) {
            throw DomainException.conflict("该" + what + "未停用，无需重新启用");
        }
        if (on.isBefore(validTo)) {
            throw DomainException.invalidField("on", "重新启用日期不能早于停用日期 " + validTo);
        }
        if (on.equals(validTo)) {
            return new Reactivation(validFrom, null);
        }
        Span old = validFrom.equals(validTo) ? null : new Span(validFrom, validTo, reason);
        return new Reactivation(on, old);
    }
}
