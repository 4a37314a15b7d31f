package org.publiclegal.education;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.publiclegal.education.EpisodeStatus.DRAFT;
import static org.publiclegal.education.EpisodeStatus.IN_REVIEW;
import static org.publiclegal.education.EpisodeStatus.PUBLISHED;
import static org.publiclegal.education.EpisodeStatus.WITHDRAWN;

/**
 * 一期普法短视频: the aggregate and its state machine, 草稿 → 待审核 → 已发布 → 已下架, with 待审核 → 草稿 on a
 * refusal (reason kept). Four eyes: whoever wrote or submitted an episode cannot approve or refuse it.
 * The 期 number is given at publication. An act the status does not allow is an {@link IllegalTransition}.
 */
@Entity
@Table(name = "edu_episode")
public class Episode {

    /** What the author writes; {@code videoPath} is the object's path on the CDN, never a full URL. */
    public record Content(String title, String summary, List<Topic> topics, List<String> lawRefs,
                          int durationSeconds, String coverUrl, String videoPath, String presenterName,
                          String presenterTitle, String presenterOrganisation, String regionCode, String transcript) {
    }

    @Id
    public UUID id;
    public UUID columnId;
    public Integer episodeNo;
    @Enumerated(EnumType.STRING)
    public EpisodeStatus status;
    public String title;
    public String summary;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] topics;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] lawRefs;
    public int durationSeconds;
    public String coverUrl;
    public String videoPath;
    public String presenterName;
    public String presenterTitle;
    public String presenterOrganisation;
    public String regionCode;
    public String transcript;
    public String searchTitle;
    public String searchText;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] searchGrams;
    public UUID authorId;
    public UUID submittedBy;
    public String refusalReason;
    public String withdrawalReason;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant submittedAt;
    public Instant publishedAt;
    public UUID publishedBy;
    public Instant withdrawnAt;
    /** Batch aggregates, read from {@code edu_episode_stats} (ViewAggregation writes them with SQL). */
    @Formula("coalesce((select s.plays from edu_episode_stats s where s.episode_id = id), 0)")
    public long plays;
    @Formula("coalesce((select s.completions from edu_episode_stats s where s.episode_id = id), 0)")
    public long completions;
    @Version
    public long version;

    @Transient
    private final List<EpisodeStep> pendingSteps = new ArrayList<>();

    public static Episode draft(UUID columnId, Content content, UUID authorId, Instant now) {
        Episode e = new Episode();
        e.id = UUID.randomUUID();
        e.columnId = columnId;
        e.authorId = authorId;
        e.createdAt = now;
        e.apply(content, now);
        e.move("create", DRAFT, now, authorId, null);
        return e;
    }

    public List<EpisodeStep> drainSteps() {
        List<EpisodeStep> steps = List.copyOf(pendingSteps);
        pendingSteps.clear();
        return steps;
    }

    public List<Topic> topicList() {
        return Arrays.stream(topics).map(Topic::valueOf).toList();
    }

    /** 修改: only a draft (a refused episode is a draft again). */
    public void edit(Content content, UUID by, Instant now) {
        require("edit", DRAFT);
        apply(content, now);
        move("edit", DRAFT, now, by, null);
    }

    /** 提交审核. */
    public void submit(UUID by, Instant now) {
        require("submit", DRAFT);
        submittedBy = by;
        submittedAt = now;
        refusalReason = null;
        move("submit", IN_REVIEW, now, by, null);
    }

    /** Whether {@code reviewer} may approve now (status, four eyes): checked before a 期 number is taken. */
    public void checkApproval(UUID reviewer) {
        require("approve", IN_REVIEW);
        requireSecondPerson(reviewer);
    }

    /** 审核通过并发布 as the column's 期 {@code number}. */
    public void publish(UUID reviewer, int number, Instant now) {
        checkApproval(reviewer);
        episodeNo = number;
        publishedAt = now;
        publishedBy = reviewer;
        move("approve", PUBLISHED, now, reviewer, "第" + number + "期");
    }

    /** 退回修改, with the reason the author sees. */
    public void refuse(UUID reviewer, String reason, Instant now) {
        require("refuse", IN_REVIEW);
        requireSecondPerson(reviewer);
        refusalReason = reason;
        move("refuse", DRAFT, now, reviewer, reason);
    }

    /** 下架: leaves every feed; its 期 number and figures stay. */
    public void withdraw(UUID by, String reason, Instant now) {
        require("withdraw", PUBLISHED);
        withdrawnAt = now;
        withdrawalReason = reason;
        move("withdraw", WITHDRAWN, now, by, reason);
    }

    /** Whether {@code account} wrote or submitted this episode (and so may not review it). */
    public boolean isOwnWork(UUID account) {
        return account.equals(authorId) || account.equals(submittedBy);
    }

    private void requireSecondPerson(UUID reviewer) {
        if (isOwnWork(reviewer)) {
            throw DomainException.forbidden("不能审核自己撰写或提交的节目（发布须经第二人审核）");
        }
    }

    private void apply(Content c, Instant now) {
        title = c.title();
        summary = c.summary();
        topics = c.topics().stream().distinct().map(Enum::name).toArray(String[]::new);
        lawRefs = c.lawRefs().toArray(String[]::new);
        durationSeconds = c.durationSeconds();
        coverUrl = c.coverUrl();
        videoPath = c.videoPath();
        presenterName = c.presenterName();
        presenterTitle = c.presenterTitle();
        presenterOrganisation = c.presenterOrganisation();
        regionCode = c.regionCode();
        transcript = c.transcript();
        String topicLabels = String.join(" ", c.topics().stream().map(Topic::label).toList());
        String text = String.join("\n", title, summary, topicLabels, String.join(" ", c.lawRefs()),
                c.presenterName(), transcript == null ? "" : transcript);
        searchTitle = SearchGrams.normalize(title);
        searchText = SearchGrams.normalize(text);
        searchGrams = SearchGrams.grams(text).toArray(String[]::new);
        updatedAt = now;
    }

    private void require(String action, EpisodeStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw new IllegalTransition("普法视频", status, action, status.actions());
        }
    }

    private void move(String action, EpisodeStatus to, Instant now, UUID actor, String note) {
        EpisodeStep step = new EpisodeStep();
        step.episodeId = id;
        step.occurredAt = now;
        step.action = action;
        step.fromStatus = status;
        step.toStatus = to;
        step.actorId = actor;
        step.note = note;
        status = to;
        updatedAt = now;
        pendingSteps.add(step);
    }
}
