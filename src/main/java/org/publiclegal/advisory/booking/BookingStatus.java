package org.publiclegal.advisory.booking;

import java.util.List;

/**
 * 预约状态: PENDING → CONFIRMED | DECLINED; PENDING/CONFIRMED → CANCELLED (by the resident; late inside the notice
 * period); CONFIRMED → NO_SHOW | COMPLETED. Only PENDING and CONFIRMED hold the slot.
 */
public enum BookingStatus {
    PENDING(List.of("confirm", "decline", "cancel")),
    CONFIRMED(List.of("cancel", "no-show", "complete")),
    DECLINED(List.of()),
    CANCELLED(List.of()),
    NO_SHOW(List.of()),
    COMPLETED(List.of("rate"));

    private final List<String> actions;

    BookingStatus(List<String> actions) {
        this.actions = actions;
    }

    /** The acts allowed in this status (shown in a 409's {@code allowed}). */
    public List<String> actions() {
        return actions;
    }

    public boolean holdsSlot() {
        return this == PENDING || this == CONFIRMED;
    }
}
