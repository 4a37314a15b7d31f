package org.publiclegal.legalaid.consultation;

import org.publiclegal.legalaid.AidMatter;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** 法律援助咨询, recorded by staff; counted in 人次 ({@link #persons}). */
@Entity
@Table(name = "aid_consultation")
public class Consultation {

    /** 咨询渠道. */
    public enum Channel {
        /** 窗口. */
        WINDOW,
        /** 12348 热线. */
        HOTLINE_12348,
        /** 网络. */
        ONLINE,
        /** 村居 (in the village, e.g. by the village legal advisor). */
        VILLAGE
    }

    @Id
    public UUID id;
    public UUID organisationId;
    public UUID recordedBy;
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public AidMatter matter;
    public int persons;
    public String summary;
    public Instant consultedAt;
    public Instant createdAt;

    /** One consultation as staff enter it (a 台账 row): what {@link ConsultationService#record} takes. */
    public record Entry(Channel channel, AidMatter matter, String regionCode, int persons, String summary,
                        Instant consultedAt) {
    }
}
