package org.publiclegal.reporting;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.problem.ErrorCode;
import org.publiclegal.shared.security.AccessScope;

/**
 * Which region a caller may see figures of: a 司法所 its township, a 司法局 its county (or city), a system
 * administrator any. Another region is answered 404, as for records.
 */
@ApplicationScoped
public class ReportingScope {

    /** A region figures are shown for. */
    public record RegionRef(String code, String name, String level) {
    }

    private final Pool pool;

    public ReportingScope(Pool pool) {
        this.pool = pool;
    }

    /** The requested region (default: the caller's own), checked against the caller's scope. */
    public Uni<RegionRef> resolve(AccessScope scope, String requested) {
        String code = requested != null ? requested : scope.regionCode();
        if (code == null) {
            return Uni.createFrom().failure(new DomainException(ErrorCode.VALIDATION_FAILED, "请用 region 参数指定行政区划代码"));
        }
        if (!scope.covers(code)) {
            return Uni.createFrom().failure(new NotFound("区域", code));
        }
        return pool.preparedQuery("select code, name, level from region where code = $1").execute(Tuple.of(code))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFound("区域", code);
                    }
                    Row r = rows.iterator().next();
                    return new RegionRef(r.getString("code"), r.getString("name"), r.getString("level"));
                });
    }
}
