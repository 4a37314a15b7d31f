package org.publiclegal.identity.api;

import org.publiclegal.identity.Tokens.Issued;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** The tokens of a sign-in or refresh. */
public record TokenView(String accessToken, String tokenType, long expiresIn, String refreshToken, UUID accountId,
                        String kind, Set<String> roles) {

    public static TokenView of(Issued issued, Clock clock) {
        return new TokenView(issued.accessToken(), "Bearer",
                Duration.between(clock.instant(), issued.accessTokenExpiresAt()).toSeconds(), issued.refreshToken(),
                issued.account().id, issued.account().kind.name(), issued.account().roleSet());
    }
}
