package org.publiclegal.notification;

/** What a 订阅消息 answer means for the message: WeChat's {@code errcode} classified. */
public final class WeChatErrors {

    /** The message's fate after one attempt. */
    public enum Outcome {
        /** Delivered. */
        SENT,
        /** 43101: the user refused or has no subscription left; not an error, not retried. */
        REFUSED,
        /** 40001, 40014, 42001: the access token is invalid or expired; refresh it and try again. */
        TOKEN_INVALID,
        /** 45009, 45011, 45047: daily quota or rate limit reached; wait longer before trying again. */
        RATE_LIMITED,
        /** Bad openid, template, data or page: retrying cannot help, a dead letter at once. */
        PERMANENT,
        /** WeChat busy (-1), unreachable, slow or anything unknown: try again later. */
        TRANSIENT
    }

    private WeChatErrors() {
    }

    public static Outcome classify(int errcode) {
        return switch (errcode) {
            case 0 -> Outcome.SENT;
            case 43101 -> Outcome.REFUSED;
            case 40001, 40014, 42001 -> Outcome.TOKEN_INVALID;
            case 45009, 45011, 45047 -> Outcome.RATE_LIMITED;
            case 40003, 40037, 47003, 41030, 43107, 43108 -> Outcome.PERMANENT;
            default -> Outcome.TRANSIENT;
        };
    }
}
