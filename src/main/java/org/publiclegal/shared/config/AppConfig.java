package org.publiclegal.shared.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Application settings ({@code app.*}); each can be set by its environment variable, e.g. APP_WECHAT_MODE. */
@ConfigMapping(prefix = "app")
public interface AppConfig {

    Auth auth();

    Wechat wechat();

    Demo demo();

    Crypto crypto();

    Jwt jwt();

    EmbeddedDb embeddedDb();

    LegalAid legalaid();

    Mediation mediation();

    Reporting reporting();

    Advisory advisory();

    BootstrapAdmin bootstrapAdmin();

    Observability observability();

    /** Logs and business metrics (issue 16). */
    interface Observability {
        /** One JSON object per log line (time, level, logger, requestId, message); on in prod. */
        @WithDefault("false")
        boolean jsonLogs();

        /**
         * How long the business gauges read from PostgreSQL (cases by status, overdue, roll-up lag) are kept before
         * the next scrape reads them again: one cheap query per replica and period, whatever the scrape rate.
         */
        @WithDefault("PT15S")
        Duration gaugeMaxAge();
    }

    Onboarding onboarding();

    /** 导入 (issue 14): a county's registers and 台账 history imported from spreadsheets, as background jobs. */
    interface Onboarding {
        /** How often a replica looks for import jobs to run besides right after an upload or confirm ("off": never). */
        @WithDefault("5s")
        String pollEvery();

        /** Rows created per transaction while an import runs (short transactions that do not block the service). */
        @WithDefault("200")
        int batchSize();

        /** A claimed job whose replica has not reported progress for this long is taken over by another replica. */
        @WithDefault("PT2M")
        Duration claimLease();

        /**
         * The largest import file taken (413 above it); at most {@code quarkus.http.limits.max-body-size}, which
         * refuses a larger declared body before any of it is read.
         */
        @WithDefault("10M")
        io.quarkus.runtime.configuration.MemorySize maxFileSize();

        /** An uploaded file is stored (sealed) and read back in chunks of this size; one chunk at a time is in memory. */
        @WithDefault("256K")
        io.quarkus.runtime.configuration.MemorySize fileChunkSize();
    }

    /**
     * The first system administrator of an empty production database (APP_BOOTSTRAP_ADMIN_*): created at
     * start-up only while no SYSTEM_ADMIN exists, with a password that must be changed at the first sign-in.
     * Ignored, with a log line, once an administrator exists.
     */
    interface BootstrapAdmin {
        /** Sign-in name of the administrator; bootstrap is off without it. */
        Optional<String> username();

        /** Initial password (from a Secret); or {@link #passwordFile()}. */
        Optional<String> password();

        /** File holding the initial password (a mounted Secret or docker secret); wins over {@link #password()}. */
        Optional<String> passwordFile();

        /** 12-digit region code of the administrator's 司法厅/局; created if missing (then it must be a province). */
        Optional<String> regionCode();

        /** Name of that region, needed only when it does not exist yet. */
        Optional<String> regionName();

        /** Name of the justice department the administrator belongs to; created if the region has none by that name. */
        @WithDefault("系统管理")
        String organisationName();
    }

    interface Reporting {
        /**
         * How often the scheduled job adds new ledger events to the roll-ups ("off" disables it); figures
         * include events not yet rolled up, so this only bounds how much each query reads from the ledger.
         */
        @WithDefault("10s")
        String rollupEvery();
    }

    interface Mediation {
        /** 调解期限: "一般在一个月内调结" (2002 MoJ rule Art. 33), extendable with the parties' agreement. */
        @WithDefault("30")
        int timeLimitDays();

        /** Days after the agreement's last performance deadline when the follow-up (回访) is due. */
        @WithDefault("7")
        int followUpDays();

        /** 司法确认 must be applied for within this many days of the agreement taking effect (Art. 33). */
        @WithDefault("30")
        int judicialConfirmationWindowDays();

        /** How long a party's invitation code can be redeemed. */
        @WithDefault("P30D")
        Duration invitationValidity();

        /** 诉前委派调解: days from the referral (特邀调解规定 Art. 11). */
        @WithDefault("30")
        int delegatedReferralDays();

        /** 委托调解, ordinary procedure: days from the referral (特邀调解规定 Art. 27). */
        @WithDefault("15")
        int entrustedOrdinaryReferralDays();

        /** 委托调解, simplified procedure: days from the referral. */
        @WithDefault("7")
        int entrustedSimplifiedReferralDays();
    }

    interface LegalAid {
        /** How the statutory day limits are counted: {@code calendar} (the Law says 日) or {@code working}. */
        @WithDefault("calendar")
        org.publiclegal.shared.calendar.DayCounting dayCounting();

        /** Whether the review clock stops while the applicant supplies missing materials (the 2012 rule). */
        @WithDefault("true")
        boolean pauseReviewDuringSupplement();

        /** Art. 43: decide within this many days of receipt. */
        @WithDefault("7")
        int reviewDays();

        /** Art. 43: appoint the provider within this many days of the grant. */
        @WithDefault("3")
        int assignmentDays();

        /** Art. 49: the justice bureau decides an objection within this many days. */
        @WithDefault("5")
        int objectionDays();

        /** Default time the applicant gets to supply missing materials (the notice may set another). */
        @WithDefault("10")
        int supplementDays();

        /** Art. 36: appoint a lawyer within this many days of receiving a 通知辩护/通知代理 notice. */
        @WithDefault("3")
        int noticeAssignmentDays();

        /** Art. 26: years of relevant practice a lawyer needs for a life-imprisonment, death-penalty or review case. */
        @WithDefault("3")
        int seriousCaseMinimumPracticeYears();

        /** How often the job deems applications withdrawn whose materials are overdue ("off" disables it). */
        @WithDefault("10m")
        String deadlineJobEvery();

        /** How long after start-up the job first runs. */
        @WithDefault("1m")
        String deadlineJobDelay();

        /**
         * Applications the job claims and handles per transaction (a run takes batches until none is left); small,
         * so no flush holds an event loop for long.
         */
        @WithDefault("50")
        int deadlineJobBatch();

        /** Largest accepted material file, in bytes. */
        @WithDefault("10485760")
        long maxMaterialBytes();
    }

    interface Crypto {
        /** {@code id:base64(32 bytes)[,id:base64...]}: every key that may have sealed stored data. */
        Optional<String> keys();

        /** The key id new personal data is sealed with. */
        Optional<String> activeKeyId();
    }

    interface Jwt {
        /** Local runs only: where a generated key pair is kept when no keys are configured (never in prod). */
        Optional<String> devKeyDir();
    }

    interface EmbeddedDb {
        /** Start the embedded PostgreSQL when no datasource URL is configured. */
        @WithDefault("true")
        boolean enabled();

        /** Folder of the embedded cluster's data; empty means a temporary folder removed on stop. */
        Optional<String> dataDir();

        /** Port of the embedded server; 0 picks a free one. */
        @WithDefault("0")
        int port();

        /** fsync and synchronous_commit on (the default; read by EmbeddedDatabaseConfigSourceFactory). */
        @WithDefault("true")
        boolean durable();

        /** Load pg_stat_statements (tests and benchmarks count statements; read by EmbeddedDatabaseConfigSourceFactory). */
        @WithDefault("false")
        boolean statementStats();
    }

    interface Auth {
        /** Lifetime of an access token; short, because it cannot be revoked. */
        @WithDefault("PT15M")
        Duration accessTokenTtl();

        /** Lifetime of a refresh token (rotated on every use). */
        @WithDefault("P30D")
        Duration refreshTokenTtl();

        /** Failed staff password attempts before the account is locked. */
        @WithDefault("5")
        int maxFailedAttempts();

        /** How long a locked staff account stays locked. */
        @WithDefault("PT15M")
        Duration lockoutDuration();

        /** bcrypt cost factor for staff passwords. */
        @WithDefault("11")
        int bcryptCost();

        /** How long a one-time sign-in link (一次性登录链接) handed to an importer stays usable. */
        @WithDefault("P7D")
        Duration signInLinkTtl();
    }

    interface Wechat {
        /** {@code real}: call jscode2session; {@code fake}: demo only, the code names a demo resident. */
        @WithDefault("real")
        Mode mode();

        /** Mini-program appid (from the WeChat console). */
        Optional<String> appId();

        /** Mini-program secret (Kubernetes Secret in production). */
        Optional<String> secret();

        enum Mode { REAL, FAKE }
    }

    interface Demo {
        /** Load the demo county, staff and residents at start-up. Refused in the prod profile. */
        @WithDefault("false")
        boolean enabled();

        /**
         * Write the demo county's activity (its year of cases, advisors, videos, statements and closed months) in
         * the background once the service is up, so start-up and readiness do not wait for it; {@code false}: during
         * start-up, before the service answers.
         */
        @WithDefault("true")
        boolean background();
    }

    interface Advisory {
        /** At most this many open (pending or confirmed) bookings per resident with one advisor. */
        @WithDefault("2")
        int maxOpenBookingsPerAdvisor();

        /** A resident's cancellation closer than this to the start counts as a late cancellation. */
        @WithDefault("PT2H")
        Duration cancellationNotice();

        /** Longest span of days one slot listing may ask for. */
        @WithDefault("31")
        int maxSlotWindowDays();

        /** More villages than this for one advisor is answered with a warning (Anhui: 不超过 5 个). */
        @WithDefault("5")
        int villagesPerAdvisorWarning();

        /** When the coverage job runs (Quartz cron, China time; "off" disables it). */
        @WithDefault("0 1 0 * * ?")
        String coverageCron();
    }

    Education education();

    /** 普法 videos ({@code app.education.*}). */
    interface Education {
        /** How often the batch job adds new plays and completions to the per-episode aggregates ("off" disables it). */
        @WithDefault("30s")
        String aggregateEvery();

        /** A play counts as completed (完播) once its progress reaches this percentage. */
        @WithDefault("90")
        int completionPercent();

        /** {@code Cache-Control: public, max-age=} of the resident feed, in seconds (revalidated with its ETag). */
        @WithDefault("60")
        int feedMaxAgeSeconds();

        /** Feed pages kept in memory per replica, keyed by their ETag (0 disables the cache). */
        @WithDefault("512")
        int feedCachedPages();

        /**
         * How long a replica reuses the catalogue version and aggregation generation of the feed's ETag before
         * reading them again (a publication shows in the feed up to this much later; zero reads on every request).
         */
        @WithDefault("PT1S")
        Duration feedVersionCheck();

        Playback playback();

        interface Playback {
            /** The CDN's URL-authentication scheme: {@code ALIYUN_A} (auth_key=…) or {@code TENCENT_A} (sign=…). */
            @WithDefault("ALIYUN_A")
            String scheme();

            /** The CDN domain the video paths are served from, e.g. {@code https://video.example.cn}. */
            @WithDefault("https://video.example.cn")
            String baseUrl();

            /** The CDN's authentication key (a Secret in production); without it no playback URL is given. */
            Optional<String> key();

            /** The validity configured on the CDN for a signed URL (its expiry = signing time + this). */
            @WithDefault("PT30M")
            Duration ttl();

            /** The signature parameter's name when the CDN console changed it (Tencent allows that). */
            Optional<String> param();
        }
    }
    Notifications notifications();

    /** Notifications (issue 11): the outbox, WeChat 订阅消息, reminders. */
    interface Notifications {
        /** How often due reminders are looked for ("off" disables the job). */
        @WithDefault("1m")
        String remindersEvery();

        /** How often the outbox is delivered ("off" disables the job). */
        @WithDefault("10s")
        String deliverEvery();

        /** Reminders planted per transaction (a job runs batches until nothing is due). */
        @WithDefault("200")
        int reminderBatch();

        /** Outbox messages claimed per run. */
        @WithDefault("50")
        int deliveryBatch();

        /** Attempts before a message becomes a dead letter. */
        @WithDefault("6")
        int maxAttempts();

        /** First retry delay; doubled each attempt up to {@link #retryCap()}. */
        @WithDefault("PT30S")
        Duration retryBase();

        /** Longest retry delay. */
        @WithDefault("PT1H")
        Duration retryCap();

        /** Shortest wait after WeChat's rate limit or daily quota (45009, 45011). */
        @WithDefault("PT10M")
        Duration rateLimitPause();

        /** A claimed message is not claimed again by another replica for this long. */
        @WithDefault("PT2M")
        Duration claimLease();

        /** Whether 订阅消息 are sent at all (off in the demo, whose WeChat login is fake). */
        @WithDefault("true")
        boolean wechatDelivery();

        /** Mini-program page opened from a 订阅消息 (the notice id is appended as {@code ?notice=}). */
        @WithDefault("pages/messages/index")
        String page();

        /** {@code developer}, {@code trial} or {@code formal}: which mini-program build the message opens. */
        @WithDefault("formal")
        String miniprogramState();

        /** 订阅消息 template id per notice kind (e.g. {@code app.notifications.templates.AID_PROGRESS}); no template, no message. */
        java.util.Map<String, String> templates();
    }
}
