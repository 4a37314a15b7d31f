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

    /** 协议形式: drafted and confirmed in the app, 口头协议 (Art. 28), or signed on paper with a scanned copy. */
    public enum Form { ONLINE, ORAL, PAPER }

    @Id
    public UUID disputeId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Form form = Form.ONLINE;
    /** 口头协议: its content (sealed) and who agreed. */
    public String oralContentCipher;
    public String agreedBy;
    /** The scanned copy of a paper agreement (an evidence file of the case). */
    public UUID scanEvidenceId;
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
    /**
     * 历史台账导入: an agreement that took effect before the committee used this service, kept on paper in its files;
     * the record has its form and the day it took effect, not its texts or a scanned copy.
     */
    public boolean historical;
}
