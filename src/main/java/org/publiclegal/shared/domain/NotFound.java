package org.publiclegal.shared.domain;

import org.publiclegal.shared.problem.ErrorCode;

/**
 * The object does not exist <em>or</em> lies outside the caller's scope: both answer 404, so that
 * nobody learns of records they may not see.
 */
public class NotFound extends DomainException {

    public NotFound(String what, Object id) {
        super(ErrorCode.NOT_FOUND, what + "不存在或无权查看（" + id + "）");
    }
}
