package org.publiclegal.shared.audit;

import java.util.UUID;

/** Who acted (null for an anonymous caller), with which roles, from which address. */
public record Actor(UUID accountId, String roles, String clientIp) {

    public static Actor system(String what) {
        return new Actor(null, "SYSTEM:" + what, null);
    }
}
