package org.publiclegal.education;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.ledger.Ledger;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 普法视频栏目与节目: columns, drafting, four-eyes review and publication (with its 期 number and the
 * {@link EducationEvents#EPISODE_PUBLISHED} ledger event), withdrawal. Every change that alters the resident
 * feed bumps the catalogue version in the same transaction.
 */
@ApplicationScoped
public class CatalogueService {

    /** A new column for the caller's organisation. */
    public record NewColumn(String name, String description) {
    }

    /** An episode with its column and history, for staff. */
    public record EpisodeFile(Episode episode, VideoColumn column, List<EpisodeStep> steps) {
    }

    private final VideoColumnRepository columns;
    private final EpisodeRepository episodes;
    private final EpisodeStepRepository steps;
    private final OrganisationService directory;
    private final Ledger ledger;
    private final Clock clock;

    public CatalogueService(VideoColumnRepository columns, EpisodeRepository episodes, EpisodeStepRepository steps,
                            OrganisationService directory, Ledger ledger, Clock clock) {
        this.columns = columns;
        this.episodes = episodes;
        this.steps = steps;
        this.directory = directory;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Opens a column owned by the caller's organisation (a 司法局 or 司法所). */
    @WithTransaction
    public Uni<VideoColumn> createColumn(NewColumn command, AccessScope scope) {
        if (scope.organisationId() == null || scope.regionCode() == null) {
            throw DomainException.forbidden("只有机构工作人员可以开设栏目");
        }
        return columns.count("organisationId = ?1 and name = ?2", scope.organisationId(), command.name())
                .chain(n -> {
                    if (n > 0) {
                        throw DomainException.conflict("本单位已有同名栏目《" + command.name() + "》");
                    }
                    return columns.persist(VideoColumn.create(command.name(), command.description(),
                            scope.organisationId(), scope.regionCode(), scope.accountId(), now()));
                })
                .invoke(c -> Log.infof("Video column %s opened", c.id));
    }

    /** Columns whose region lies in {@code region} (all when null), oldest first; public. */
    public Uni<CursorPage<VideoColumn>> listColumns(String region, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (region != null) {
            where.append(" and c.regionCode >= :low and c.regionCode < :high");
            params.put("low", RegionCodes.lowerBound(region));
            params.put("high", RegionCodes.upperBound(region));
        }
        if (!after.isEmpty()) {
            try {
                params.put("at", Instant.parse(after.get(0)));
                params.put("cid", UUID.fromString(after.get(1)));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
            where.append(" and (c.createdAt, c.id) > (:at, :cid)");
        }
        return columns.page(where.toString(), params, limit)
                .map(rows -> CursorPage.of(rows, limit, c -> Cursor.encode(c.createdAt, c.id), c -> c));
    }

    /** A new draft in a column the caller may write for; its region defaults to the column's. */
    @WithTransaction
    public Uni<EpisodeFile> draft(UUID columnId, Episode.Content content, AccessScope scope) {
        return column(columnId).chain(column -> {
            if (!EpisodeAccess.canAuthor(scope, column)) {
                throw DomainException.forbidden("只有栏目所属单位的工作人员和本辖区律师可以为该栏目撰稿");
            }
            Episode.Content c = withRegion(content, column);
            return requireRegion(c.regionCode(), column).chain(() -> {
                Episode e = Episode.draft(column.id, c, scope.accountId(), now());
                return episodes.persist(e).call(() -> saveSteps(e)).map(x -> new EpisodeFile(e, column, List.of()));
            });
        });
    }

    /** Changes a draft (the author, or staff of the column's organisation). */
    @WithTransaction
    public Uni<EpisodeFile> edit(UUID id, Episode.Content content, AccessScope scope) {
        return visible(id, scope).chain(f -> {
            requireAuthor(scope, f);
            Episode.Content c = withRegion(content, f.column());
            return requireRegion(c.regionCode(), f.column()).chain(() -> {
                f.episode().edit(c, scope.accountId(), now());
                return saveSteps(f.episode()).replaceWith(f);
            });
        });
    }

    /** 提交审核. */
    @WithTransaction
    public Uni<EpisodeFile> submit(UUID id, AccessScope scope) {
        return visible(id, scope).chain(f -> {
            requireAuthor(scope, f);
            f.episode().submit(scope.accountId(), now());
            return saveSteps(f.episode()).replaceWith(f);
        });
    }

    /** 审核通过并发布, now. */
    @WithTransaction
    public Uni<EpisodeFile> approve(UUID id, AccessScope scope) {
        return approve(id, scope, now());
    }

    /**
     * 审核通过并发布 at {@code at} (the demo back-dates its year of episodes): takes the column's next 期 under
     * its row lock, writes {@link EducationEvents#EPISODE_PUBLISHED} and bumps the catalogue version.
     */
    @WithTransaction
    public Uni<EpisodeFile> approve(UUID id, AccessScope scope, Instant at) {
        return visible(id, scope).chain(f -> {
            requireReviewer(scope, f);
            Episode e = f.episode();
            e.checkApproval(scope.accountId());
            return columns.nextEpisodeNo(f.column().id).chain(number -> {
                e.publish(scope.accountId(), number, at);
                return saveSteps(e)
                        .call(() -> ledger.record(EducationEvents.EPISODE_PUBLISHED, e.regionCode,
                                f.column().organisationId, at, EducationEvents.SOURCE, e.id))
                        .call(episodes::bumpCatalogueVersion)
                        .invoke(() -> Log.infof("Episode %s published as no. %d of column %s", e.id, number,
                                f.column().id))
                        .replaceWith(f);
            });
        });
    }

    /** 退回修改 with the reason. */
    @WithTransaction
    public Uni<EpisodeFile> refuse(UUID id, String reason, AccessScope scope) {
        return visible(id, scope).chain(f -> {
            requireReviewer(scope, f);
            f.episode().refuse(scope.accountId(), reason, now());
            return saveSteps(f.episode()).replaceWith(f);
        });
    }

    /** 下架: out of the feeds; the ledger keeps its publication (the period it was published in still counts it). */
    @WithTransaction
    public Uni<EpisodeFile> withdraw(UUID id, String reason, AccessScope scope) {
        return visible(id, scope).chain(f -> {
            requireReviewer(scope, f);
            f.episode().withdraw(scope.accountId(), reason, now());
            return saveSteps(f.episode()).call(episodes::bumpCatalogueVersion).replaceWith(f);
        });
    }

    /** An episode with its history, if the caller may see it (else 404). */
    public Uni<EpisodeFile> get(UUID id, AccessScope scope) {
        return visible(id, scope).chain(f -> steps.of(id).map(s -> new EpisodeFile(f.episode(), f.column(), s)));
    }

    /** The staff queue: episodes the caller may see, optionally of one status and column, last changed first. */
    public Uni<CursorPage<Episode>> list(AccessScope scope, EpisodeStatus status, UUID columnId, String cursor,
                                         int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        AccessScope.Filter filter = EpisodeAccess.filter(scope);
        StringBuilder where = new StringBuilder(filter.predicate());
        Map<String, Object> params = new HashMap<>(filter.parameters());
        if (status != null) {
            where.append(" and e.status = :status");
            params.put("status", status);
        }
        if (columnId != null) {
            where.append(" and e.columnId = :column");
            params.put("column", columnId);
        }
        if (!after.isEmpty()) {
            try {
                params.put("at", Instant.parse(after.get(0)));
                params.put("eid", UUID.fromString(after.get(1)));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
            where.append(" and (e.updatedAt, e.id) < (:at, :eid)");
        }
        return episodes.page(where.toString(), params, limit)
                .map(rows -> CursorPage.of(rows, limit, e -> Cursor.encode(e.updatedAt, e.id), e -> e));
    }

    private Uni<EpisodeFile> visible(UUID id, AccessScope scope) {
        return episodes.findById(id).chain(e -> {
            if (e == null) {
                throw new NotFound("普法视频", id);
            }
            return columns.findById(e.columnId).map(c -> {
                if (!EpisodeAccess.canSee(scope, e, c)) {
                    throw new NotFound("普法视频", id);
                }
                return new EpisodeFile(e, c, List.of());
            });
        });
    }

    private Uni<VideoColumn> column(UUID id) {
        return columns.findById(id).onItem().ifNull().failWith(() -> new NotFound("栏目", id));
    }

    private static void requireAuthor(AccessScope scope, EpisodeFile f) {
        if (!f.episode().authorId.equals(scope.accountId()) && !f.column().organisationId.equals(scope.organisationId())) {
            throw DomainException.forbidden("只有撰稿人或栏目所属单位可以修改、提交该节目");
        }
    }

    private static void requireReviewer(AccessScope scope, EpisodeFile f) {
        if (!EpisodeAccess.canReview(scope, f.column())) {
            throw DomainException.forbidden("只有栏目所在辖区的司法所、司法局可以审核或下架节目");
        }
    }

    private static Episode.Content withRegion(Episode.Content c, VideoColumn column) {
        if (c.regionCode() != null) {
            return c;
        }
        return new Episode.Content(c.title(), c.summary(), c.topics(), c.lawRefs(), c.durationSeconds(), c.coverUrl(),
                c.videoPath(), c.presenterName(), c.presenterTitle(), c.presenterOrganisation(), column.regionCode,
                c.transcript());
    }

    private Uni<Void> requireRegion(String region, VideoColumn column) {
        if (!RegionCodes.within(region, column.regionCode)) {
            throw DomainException.invalidField("regionCode", "节目所属地区须在栏目所属地区之内");
        }
        return directory.regionExists(region).invoke(exists -> {
            if (!exists) {
                throw DomainException.invalidField("regionCode", "行政区划 " + region + " 不存在");
            }
        }).replaceWithVoid();
    }

    private Uni<Void> saveSteps(Episode e) {
        List<EpisodeStep> pending = e.drainSteps();
        return pending.isEmpty() ? Uni.createFrom().voidItem() : steps.persist(pending.stream());
    }

    private Instant now() {
        // the database keeps microseconds: cursors must compare equal to the stored values
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
