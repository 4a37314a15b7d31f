package org.publiclegal.education.api;

import org.publiclegal.education.CatalogueService;
import org.publiclegal.education.Episode;
import org.publiclegal.education.EpisodeStatus;
import org.publiclegal.education.EpisodeStep;
import org.publiclegal.education.Topic;
import org.publiclegal.education.VideoColumn;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Response records of the 普法 video endpoints for staff. */
public final class EducationViews {

    private EducationViews() {
    }

    public record ColumnView(UUID id, String name, String description, UUID organisationId, String regionCode,
                             int episodesPublished, Instant createdAt) {
        static ColumnView of(VideoColumn c) {
            return new ColumnView(c.id, c.name, c.description, c.organisationId, c.regionCode, c.lastEpisodeNo,
                    c.createdAt);
        }
    }

    public record StepView(Instant at, String action, EpisodeStatus from, EpisodeStatus to, UUID actorId, String note) {
        static StepView of(EpisodeStep s) {
            return new StepView(s.occurredAt, s.action, s.fromStatus, s.toStatus, s.actorId, s.note);
        }
    }

    /** An episode as staff see it, with the acts its status allows and its history. */
    public record EpisodeView(UUID id, UUID columnId, String columnName, Integer episodeNo, EpisodeStatus status,
                              List<String> allowed, String title, String summary, List<Topic> topics,
                              List<String> lawRefs, int durationSeconds, String coverUrl, String videoPath,
                              String presenterName, String presenterTitle, String presenterOrganisation,
                              String regionCode, String transcript, UUID authorId, UUID submittedBy,
                              String refusalReason, String withdrawalReason, Instant createdAt, Instant updatedAt,
                              Instant submittedAt, Instant publishedAt, UUID publishedBy, Instant withdrawnAt,
                              long plays, long completions, List<StepView> steps) {
        static EpisodeView of(CatalogueService.EpisodeFile f) {
            Episode e = f.episode();
            return new EpisodeView(e.id, e.columnId, f.column().name, e.episodeNo, e.status, e.status.actions(),
                    e.title, e.summary, e.topicList(), Arrays.asList(e.lawRefs), e.durationSeconds, e.coverUrl,
                    e.videoPath, e.presenterName, e.presenterTitle, e.presenterOrganisation, e.regionCode,
                    e.transcript, e.authorId, e.submittedBy, e.refusalReason, e.withdrawalReason, e.createdAt,
                    e.updatedAt, e.submittedAt, e.publishedAt, e.publishedBy, e.withdrawnAt, e.plays, e.completions,
                    f.steps().stream().map(StepView::of).toList());
        }
    }

    /** A line of the staff queue. */
    public record EpisodeSummary(UUID id, UUID columnId, Integer episodeNo, EpisodeStatus status, String title,
                                 UUID authorId, String refusalReason, Instant updatedAt) {
        static EpisodeSummary of(Episode e) {
            return new EpisodeSummary(e.id, e.columnId, e.episodeNo, e.status, e.title, e.authorId, e.refusalReason,
                    e.updatedAt);
        }
    }
}
