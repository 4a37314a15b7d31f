package org.publiclegal.mediation;

import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.validation.ChineseIdNumber;
import org.publiclegal.shared.validation.DateBounds;

import java.time.LocalDate;

/** Checks on what a mediator enters for a case received off the app (登记纠纷). */
final class EntryRules {

    private EntryRules() {
    }

    /** Not in the future (China date) and not before 2000-01-01. */
    static void checkReceivedOn(LocalDate receivedOn, LocalDate today) {
        if (receivedOn.isAfter(today)) {
            throw DomainException.invalidField("receivedOn", "受理日期不能晚于今天");
        }
        if (receivedOn.isBefore(DateBounds.EARLIEST)) {
            throw DomainException.invalidField("receivedOn", "受理日期不能早于 2000-01-01");
        }
    }

    /** A person needs sex and age; an ID number, when given, must be a valid 身份证号. */
    static void checkParty(OfflineCommands.PartyEntry e, int index) {
        String field = "parties[" + index + "]";
        if (e.kind() == Party.Kind.PERSON && (e.sex() == null || e.age() == null)) {
            throw DomainException.invalidField(field, "自然人当事人请填写性别和年龄");
        }
        if (!blank(e.idNumber()) && !ChineseIdNumber.Validator.isValidNumber(e.idNumber().trim().toUpperCase())) {
            throw DomainException.invalidField(field + ".idNumber", "身份证号码无效");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
