package org.publiclegal.advisory;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** 村(居)法律顾问: the advisor details of a LAWYER staff account (keyed by the account id). */
@Entity
@Table(name = "adv_advisor")
public class Advisor {

    @Id
    public UUID accountId;
    @Enumerated(EnumType.STRING)
    public PracticeCategory practiceCategory;
    /** 执业证号. */
    public String licenceNumber;
    /** The account's organisation (律师事务所, 法律服务所). */
    public UUID organisationId;
    /** The organisation's region. */
    public String regionCode;
    public int firstPracticeYear;
    public UUID registeredBy;
    public Instant createdAt;
    @Version
    public long version;
}
