package org.publiclegal.education;

import org.junit.jupiter.api.Test;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;
import org.publiclegal.shared.problem.ErrorCode;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpisodeTest {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final UUID AUTHOR = UUID.randomUUID();
    private static final UUID REVIEWER = UUID.randomUUID();

    static Episode.Content content(String title) {
        return new Episode.Content(title, "简介", List.of(Topic.LABOUR_WAGES, Topic.LABOUR_WAGES), List.of("劳动合同法第十条"),
                120, null, "/pufa/001.mp4", "杨律师", "执业律师", "云南鹤阳律师事务所", "532932000000", "字幕");
    }

    private static Episode inReview() {
        Episode e = Episode.draft(UUID.randomUUID(), content("签订劳动合同要注意什么"), AUTHOR, NOW);
        e.submit(AUTHOR, NOW);
        return e;
    }

    @Test
    void aDraftKeepsTopicsOnceAndIndexesTitleTopicLabelsAndTranscript() {
        Episode e = Episode.draft(UUID.randomUUID(), content("签订劳动合同要注意什么"), AUTHOR, NOW);
        assertEquals(EpisodeStatus.DRAFT, e.status);
        assertEquals(List.of(Topic.LABOUR_WAGES), e.topicList());
        assertTrue(List.of(e.searchGrams).containsAll(List.of("劳动", "合同", "欠薪", "字幕")));
        assertEquals("签订劳动合同要注意什么", e.searchTitle);
        assertNull(e.episodeNo, "numbered only at publication");
    }

    @Test
    void publishingTakesTheGivenNumberAndRecordsTheSteps() {
        Episode e = inReview();
        e.publish(REVIEWER, 7, NOW);
        assertEquals(EpisodeStatus.PUBLISHED, e.status);
        assertEquals(7, e.episodeNo);
        assertEquals(List.of("create", "submit", "approve"), e.drainSteps().stream().map(s -> s.action).toList());
    }

    @Test
    void theAuthorCannotApproveOrRefuseTheirOwnEpisode() {
        Episode e = inReview();
        DomainException approve = assertThrows(DomainException.class, () -> e.publish(AUTHOR, 1, NOW));
        assertEquals(ErrorCode.FORBIDDEN, approve.code());
        assertThrows(DomainException.class, () -> e.refuse(AUTHOR, "自己退回", NOW));
        assertEquals(EpisodeStatus.IN_REVIEW, e.status);
    }

    @Test
    void theSubmitterWhoIsNotTheAuthorCannotApproveEither() {
        Episode e = Episode.draft(UUID.randomUUID(), content("题"), AUTHOR, NOW);
        UUID colleague = UUID.randomUUID();
        e.submit(colleague, NOW);
        assertThrows(DomainException.class, () -> e.publish(colleague, 1, NOW));
        e.publish(REVIEWER, 1, NOW);
        assertEquals(EpisodeStatus.PUBLISHED, e.status);
    }

    @Test
    void aRefusalSendsTheEpisodeBackToDraftWithTheReasonAndASecondSubmissionClearsIt() {
        Episode e = inReview();
        e.refuse(REVIEWER, "法条引用有误", NOW);
        assertEquals(EpisodeStatus.DRAFT, e.status);
        assertEquals("法条引用有误", e.refusalReason);
        e.edit(content("签订劳动合同要注意什么（修订）"), AUTHOR, NOW);
        e.submit(AUTHOR, NOW);
        assertNull(e.refusalReason);
    }

    @Test
    void illegalStepsNameTheAllowedOnes() {
        Episode draft = Episode.draft(UUID.randomUUID(), content("题"), AUTHOR, NOW);
        IllegalTransition t = assertThrows(IllegalTransition.class, () -> draft.publish(REVIEWER, 1, NOW));
        assertEquals(List.of("edit", "submit"), t.allowed());
        Episode published = inReview();
        published.publish(REVIEWER, 1, NOW);
        assertThrows(IllegalTransition.class, () -> published.edit(content("改"), AUTHOR, NOW));
        published.withdraw(REVIEWER, "内容过时", NOW);
        assertEquals(EpisodeStatus.WITHDRAWN, published.status);
        assertEquals(1, published.episodeNo, "a withdrawn episode keeps its number");
        IllegalTransition again = assertThrows(IllegalTransition.class, () -> published.withdraw(REVIEWER, "再次", NOW));
        assertTrue(again.allowed().isEmpty());
    }

    @Test
    void countyLawyersWriteForTheBureausColumnAndOnlyOfficesCoveringItsRegionReview() {
        UUID bureau = UUID.randomUUID();
        VideoColumn column = VideoColumn.create("律师普法", null, bureau, "532932000000", AUTHOR, NOW);
        AccessScope countyLawyer = new AccessScope(UUID.randomUUID(), Set.of(Roles.LAWYER), UUID.randomUUID(), "532932000000");
        AccessScope otherCountyLawyer = new AccessScope(UUID.randomUUID(), Set.of(Roles.LAWYER), UUID.randomUUID(), "532931000000");
        AccessScope mediator = new AccessScope(UUID.randomUUID(), Set.of(Roles.MEDIATOR), bureau, "532932000000");
        AccessScope bureauAdmin = new AccessScope(UUID.randomUUID(), Set.of(Roles.BUREAU_ADMIN), bureau, "532932000000");
        AccessScope townshipOffice = new AccessScope(UUID.randomUUID(), Set.of(Roles.JUDICIAL_OFFICE), UUID.randomUUID(), "532932101000");
        assertTrue(EpisodeAccess.canAuthor(countyLawyer, column));
        assertFalse(EpisodeAccess.canAuthor(otherCountyLawyer, column));
        assertFalse(EpisodeAccess.canAuthor(mediator, column), "a mediator is not an author even in the organisation");
        assertTrue(EpisodeAccess.canReview(bureauAdmin, column));
        assertFalse(EpisodeAccess.canReview(townshipOffice, column), "a 司法所 does not cover the county");
        assertFalse(EpisodeAccess.canReview(countyLawyer, column));
    }

    @Test
    void completionRateIsCompletedOverPlaysHalfUpToOneDecimalAndAbsentWithoutPlays() {
        assertEquals(new BigDecimal("66.7"), VideoFigures.completionRate(2, 3));
        assertEquals(new BigDecimal("0.1"), VideoFigures.completionRate(1, 1999), "0.05 rounds up");
        assertNull(VideoFigures.completionRate(0, 0));
    }

    @Test
    void theFeedEtagChangesWithTheCatalogueVersionTheAggregationAndTheQueryOnly() {
        VideoFeed.FeedQuery q = new VideoFeed.FeedQuery(Topic.ANTI_FRAUD, null, null, VideoFeed.Sort.LATEST, null, 20);
        String tag = VideoFeed.etag(3, 5, q);
        assertEquals(tag, VideoFeed.etag(3, 5, q));
        assertFalse(tag.equals(VideoFeed.etag(4, 5, q)));
        assertFalse(tag.equals(VideoFeed.etag(3, 6, q)));
        assertFalse(tag.equals(VideoFeed.etag(3, 5, new VideoFeed.FeedQuery(null, null, null, VideoFeed.Sort.LATEST, null, 20))));
        assertTrue(VideoFeed.matches("W/" + tag + ", \"x\"", tag));
        assertTrue(VideoFeed.matches("*", tag));
        assertFalse(VideoFeed.matches(null, tag));
    }

    @Test
    void stepsAreHandedOutOnceAndAnEditRewritesTheContentAndItsSearchGrams() {
        Episode e = Episode.draft(UUID.randomUUID(), content("签订劳动合同要注意什么"), AUTHOR, NOW);
        assertEquals(List.of("create"), e.drainSteps().stream().map(s -> s.action).toList());
        assertEquals(List.of(), e.drainSteps(), "a drained step is not persisted twice");
        e.edit(content("离婚时彩礼要不要退"), AUTHOR, NOW);
        assertEquals("离婚时彩礼要不要退", e.title);
        assertTrue(List.of(e.searchGrams).contains("彩礼"));
        assertEquals(List.of("edit"), e.drainSteps().stream().map(s -> s.action).toList());
    }

    @Test
    void anEpisodeInReviewCannotBeEditedOrSubmittedAgainAndADraftCannotBeRefused() {
        Episode e = inReview();
        assertThrows(IllegalTransition.class, () -> e.edit(content("改"), AUTHOR, NOW));
        assertThrows(IllegalTransition.class, () -> e.submit(AUTHOR, NOW));
        Episode draft = Episode.draft(UUID.randomUUID(), content("题"), AUTHOR, NOW);
        assertThrows(IllegalTransition.class, () -> draft.refuse(REVIEWER, "理由", NOW));
        assertEquals(EpisodeStatus.DRAFT, draft.status);
    }
}
