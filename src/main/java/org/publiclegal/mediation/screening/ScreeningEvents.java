package org.publiclegal.mediation.screening;

/**
 * The ledger kind screening writes, in the transaction of the record, with the screened region and the
 * recorder's organisation: {@link #SCREENING} = <b>矛盾纠纷排查</b>, one per round (次), counted by the
 * screening date (start of the day, China time).
 */
public final class ScreeningEvents {

    public static final String SCREENING = "MEDIATION_SCREENING";
    public static final String SOURCE = "med_screening";

    private ScreeningEvents() {
    }
}
