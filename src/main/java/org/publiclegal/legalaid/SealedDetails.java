package org.publiclegal.legalaid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.crypto.PersonalDataCipher;

/** Seals and opens an application's personal data: the narrative, the opposing party, the finances. */
@ApplicationScoped
public class SealedDetails {

    private final PersonalDataCipher cipher;
    private final ObjectMapper mapper;

    public SealedDetails(PersonalDataCipher cipher, ObjectMapper mapper) {
        this.cipher = cipher;
        this.mapper = mapper;
    }

    /** The clear values. */
    public record Details(String summary, String opposingParty, Finances finances) {
        /** Shown to staff who watch but do not handle the case. */
        public static final Details WITHHELD = new Details(null, null, null);
    }

    public void seal(LegalAidApplication a, String summary, String opposingParty, Finances finances) {
        a.keyId = cipher.activeKeyId();
        a.summaryCipher = cipher.encrypt(summary, context(a, "summary"));
        a.opposingPartyCipher = cipher.encrypt(opposingParty, context(a, "opposing_party"));
        try {
            a.financesCipher = finances == null ? null
                    : cipher.encrypt(mapper.writeValueAsString(finances), context(a, "finances"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Details open(LegalAidApplication a) {
        try {
            String finances = cipher.decrypt(a.financesCipher, a.keyId, context(a, "finances"));
            return new Details(cipher.decrypt(a.summaryCipher, a.keyId, context(a, "summary")),
                    cipher.decrypt(a.opposingPartyCipher, a.keyId, context(a, "opposing_party")),
                    finances == null ? null : mapper.readValue(finances, Finances.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seals the person aided of a notice case. */
    public void sealPerson(LegalAidApplication a, NoticeRegistration.NotifiedPerson person) {
        try {
            a.personCipher = cipher.encrypt(mapper.writeValueAsString(person), context(a, "person"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person aided of a notice case in the clear, or null for an app case. */
    public NoticeRegistration.NotifiedPerson openPerson(LegalAidApplication a) {
        if (a.personCipher == null) {
            return null;
        }
        try {
            return mapper.readValue(cipher.decrypt(a.personCipher, a.keyId, context(a, "person")),
                    NoticeRegistration.NotifiedPerson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String context(LegalAidApplication a, String column) {
        return "aid_application." + column + ":" + a.id;
    }
}
