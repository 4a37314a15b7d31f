package org.publiclegal.mediation;

import java.time.LocalDate;
import java.util.List;

/** Commands for the committee's side of a case ({@link CommitteeService}), free of the HTTP request records. */
public final class CommitteeCommands {

    private CommitteeCommands() {
    }

    /** 起草调解协议书: the facts, each party's responsibilities and the terms (what, how, by when). */
    public record DraftAgreement(String facts, String responsibilities, List<OfflineCommands.Term> terms) {

        /** The last performance deadline of the terms (the 回访 is due after it). */
        public LocalDate performanceDueOn() {
            return terms.stream().map(OfflineCommands.Term::deadline).max(LocalDate::compareTo).orElse(null);
        }
    }
}
