package org.publiclegal.education;

import java.util.List;
import java.util.Map;

/**
 * 节目状态: 草稿 → 待审核 → 已发布 → 已下架; a refusal sends an episode back to 草稿 with the reason.
 * Only published episodes are in the resident feed; withdrawn ones leave it but keep their figures.
 */
public enum EpisodeStatus {
    /** 草稿: the author edits it. */
    DRAFT,
    /** 待审核: a reviewer of the column's region (never its author or submitter) approves or refuses. */
    IN_REVIEW,
    /** 已发布: numbered (期) and in the feed. */
    PUBLISHED,
    /** 已下架: out of every feed; its figures stay. */
    WITHDRAWN;

    private static final Map<EpisodeStatus, List<String>> ACTIONS = Map.of(
            DRAFT, List.of("edit", "submit"),
            IN_REVIEW, List.of("approve", "refuse"),
            PUBLISHED, List.of("withdraw"),
            WITHDRAWN, List.of());

    /** The acts this status allows (a 409 names them). */
    public List<String> actions() {
        return ACTIONS.get(this);
    }
}
