package org.publiclegal.legalaid;

import java.time.LocalDate;
import java.util.Set;

/**
 * 登记通知辩护/通知代理: the notice a court, procuratorate or public-security organ sent (its document number and
 * the date the centre received it), the Art. 25/28 grounds, the case in brief and the person aided.
 *
 * @param regionCode where the case is handled; null: the centre's own region
 */
public record NoticeRegistration(LegalAidApplication.NoticeKind kind, LegalAidApplication.NotifyingBody bodyKind,
                                 String bodyName, String documentNumber, LocalDate receivedOn,
                                 Set<NotifiedDefenceGround> grounds, String caseSummary, NotifiedPerson person,
                                 String regionCode) {

    /** The suspect, defendant or respondent the notice names (sealed on the case). */
    public record NotifiedPerson(String name, String sex, String idNumber, String address) {
    }
}
