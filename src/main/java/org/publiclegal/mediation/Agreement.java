package org.publiclegal.mediation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 调解协议书 (人民调解法 Art. 28–29): facts, each party's responsibility, and the terms with how and by when
 * they are performed. Sealed texts; takes effect ({@link #effectiveAt}) when all parties confirmed and the
 * committee sealed it.
 */
@Entity
@Table(name = "med_agreement")
public class Agreement {

    @Id
    public UUID disputeId;
    public String factsCipher;
    public String responsibilitiesCipher;
    /** JSON array of terms: {content, performanceMethod, deadline}. */
    public String termsCipher;
    public String keyId;
    public Instant draftedAt;
    public UUID draftedBy;
    public Instant sealedAt;
    public UUID sealedBy;
    public Instant effectiveAt;
    public LocalDate performanceDueOn;
}
