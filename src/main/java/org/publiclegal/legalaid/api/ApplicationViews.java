package org.publiclegal.legalaid.api;

import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.legalaid.AidServiceType;
import org.publiclegal.legalaid.ApplicationListing;
import org.publiclegal.legalaid.ApplicationService.ApplicationFile;
import org.publiclegal.legalaid.ApplicationStatus;
import org.publiclegal.legalaid.ApplicationStep;
import org.publiclegal.legalaid.CaseOutcome;
import org.publiclegal.legalaid.ExemptionCategory;
import org.publiclegal.legalaid.Finances;
import org.publiclegal.legalaid.LegalAidApplication;
import org.publiclegal.legalaid.Material;
import org.publiclegal.legalaid.MaterialCategory;
import org.publiclegal.legalaid.TerminationGround;
import org.publiclegal.shared.domain.Money;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Response records of the legal-aid application endpoints. */
public final class ApplicationViews {

    static final String OBJECTION_ROUTE = "如对决定有异议，可向设立该法律援助机构的司法行政部门（县司法局）提出，"
            + "司法行政部门应当自收到异议之日起 5 日内进行审查，作出维持或者责令改正的决定（《法律援助法》第四十九条）；"
            + "对审查结果不服的，可以依法申请行政复议或者提起行政诉讼。";

    private ApplicationViews() {
    }

    /** What the case waits for, by whom, until when. */
    public record NextStep(String waitingFor, String description, List<String> actions, Instant dueAt,
                           boolean overdue) {

        static NextStep of(LegalAidApplication a, Instant now) {
            return of(a.status, a.intake, a.rating, a.objectionDecision, a.currentDueAt, a.isOverdue(now));
        }

        static NextStep of(ApplicationListing a, Instant now) {
            return of(a.status(), a.intake(), a.rating(), a.objectionDecision(), a.currentDueAt(), a.isOverdue(now));
        }

        private static NextStep of(ApplicationStatus status, LegalAidApplication.Intake intake, Integer rating,
                                   String objectionDecision, Instant currentDueAt, boolean overdue) {
            String[] w = switch (status) {
                case DRAFT -> new String[]{"APPLICANT", "上传材料并提交申请"};
                case SUBMITTED -> new String[]{"CENTRE", "法律援助中心受理"};
                case UNDER_REVIEW -> new String[]{"CENTRE", "法律援助中心审查并作出决定（第四十三条：7 日内）"};
                case MATERIALS_REQUESTED -> new String[]{"APPLICANT", "按补正通知一次性补充材料，逾期视为撤回"};
                case GRANTED -> intake == LegalAidApplication.Intake.NOTICE
                        ? new String[]{"CENTRE", "指派律师（第三十六条：收到通知后 3 日内）"}
                        : new String[]{"CENTRE", "指派律师（第四十三条：决定后 3 日内）"};
                case ASSIGNED -> new String[]{"LAWYER", "承办律师接受指派"};
                case IN_PROGRESS -> new String[]{"LAWYER", "承办律师办理案件并及时告知进展"};
                case CLOSED -> rating == null ? new String[]{"APPLICANT", "对法律援助服务进行评价"} : new String[]{"NONE", "已办结"};
                case REFUSED, TERMINATED -> objectionDecision == null
                        ? new String[]{"APPLICANT", "如有异议，可向县司法局提出（第四十九条）"}
                        : new String[]{"NONE", "异议已审查；可依法申请行政复议或提起行政诉讼"};
                case OBJECTION_FILED -> new String[]{"BUREAU", "司法局审查异议（第四十九条：5 日内）"};
                case WITHDRAWN, DEEMED_WITHDRAWN -> new String[]{"NONE", "申请已撤回"};
            };
            return new NextStep(w[0], w[1], status.actions(), currentDueAt, overdue);
        }
    }

    /** A queue row: no personal data. */
    public record ApplicationSummary(UUID id, String reference, ApplicationStatus status, AidMatter matter,
                                     AidServiceType serviceType, String regionCode, UUID centreId, Instant createdAt,
                                     Instant submittedAt, Instant currentDueAt, boolean overdue,
                                     boolean provisionalAidGrounds, boolean provisionalAid, UUID lawyerId,
                                     String eligibilityOutcome, NextStep nextStep) {

        public static ApplicationSummary of(LegalAidApplication a, Instant now) {
            return new ApplicationSummary(a.id, a.reference, a.status, a.matter, a.serviceType, a.regionCode,
                    a.centreId, a.createdAt, a.submittedAt, a.currentDueAt, a.isOverdue(now), a.provisionalAidGrounds,
                    a.provisionalAid, a.lawyerId, a.eligibilityOutcome, NextStep.of(a, now));
        }

        public static ApplicationSummary of(ApplicationListing a, Instant now) {
            return new ApplicationSummary(a.id(), a.reference(), a.status(), a.matter(), a.serviceType(), a.regionCode(),
                    a.centreId(), a.createdAt(), a.submittedAt(), a.currentDueAt(), a.isOverdue(now),
                    a.provisionalAidGrounds(), a.provisionalAid(), a.lawyerId(), a.eligibilityOutcome(),
                    NextStep.of(a, now));
        }
    }

    /** Every deadline the case has had, and how long each step took. */
    public record Deadlines(Instant reviewDueAt, Instant materialsDueAt, Instant assignmentDueAt,
                            Instant objectionDueAt, boolean reviewClockPaused) {
    }

    /** One timeline entry; {@code secondsSincePrevious} is how long the step before it took. */
    public record TimelineEntry(Instant at, String action, ApplicationStatus from, ApplicationStatus to,
                                String actorRole, String note, long secondsSincePrevious) {
    }

    public record MaterialView(UUID id, MaterialCategory category, String fileName, String contentType,
                               long sizeBytes, Instant uploadedAt) {

        public static MaterialView of(Material m) {
            return new MaterialView(m.id, m.category, m.fileName, m.contentType, m.sizeBytes, m.uploadedAt);
        }
    }

    /**
     * A 通知辩护/通知代理 case: the notice (who sent it, its number, when the centre received it), the person aided
     * (masked for those who only watch) and the officer who registered it.
     */
    public record NoticeView(LegalAidApplication.NoticeKind kind, LegalAidApplication.NotifyingBody bodyKind,
                             String bodyName, String documentNumber, LocalDate receivedOn,
                             org.publiclegal.legalaid.NoticeRegistration.NotifiedPerson person, UUID enteredBy) {
    }

    /** A case entered at the 窗口: the applicant (masked for those who only watch) and the officer who entered it. */
    public record WindowView(org.publiclegal.legalaid.NoticeRegistration.NotifiedPerson applicant, UUID enteredBy) {
    }

    /** The whole case file as its applicant, the centre, the lawyer or the bureau sees it. */
    public record ApplicationDetail(ApplicationSummary summary, String caseSummary, String opposingParty,
                                    Finances finances, ExemptionCategory exemption, List<String> situations,
                                    List<String> notifiedGrounds, boolean retrialOrdered, BigDecimal amountInDispute,
                                    LocalDate limitationEndsOn, boolean urgentPreservation,
                                    UUID hardshipStandardId, Deadlines deadlines, List<String> missingItems,
                                    String decisionReason, Instant decidedAt, String objectionRoute,
                                    String objectionReason, String objectionDecision, UUID providerOrgId,
                                    CaseOutcome outcome, BigDecimal awardedAmount, BigDecimal recoveredAmount,
                                    String closingReport, TerminationGround terminationGround, Integer rating,
                                    String ratingComment, LegalAidApplication.Intake intake, NoticeView notice,
                                    WindowView window, List<TimelineEntry> timeline,
                                    List<MaterialView> materials) {

        public static ApplicationDetail of(ApplicationFile f, Instant now) {
            LegalAidApplication a = f.application();
            List<TimelineEntry> timeline = new ArrayList<>();
            Instant previous = null;
            for (ApplicationStep s : f.timeline()) {
                long took = previous == null ? 0 : Duration.between(previous, s.occurredAt).toSeconds();
                timeline.add(new TimelineEntry(s.occurredAt, s.action, s.fromStatus, s.toStatus, s.actorRole, s.note, took));
                previous = s.occurredAt;
            }
            boolean refusedOrTerminated = a.status == ApplicationStatus.REFUSED || a.status == ApplicationStatus.TERMINATED
                    || a.status == ApplicationStatus.OBJECTION_FILED;
            return new ApplicationDetail(ApplicationSummary.of(a, now), f.details().summary(),
                    f.details().opposingParty(), f.details().finances(), a.exemption, split(a.situations),
                    split(a.notifiedGrounds), a.retrialOrdered, Money.toYuan(a.amountInDisputeFen), a.limitationEndsOn,
                    a.urgentPreservation, a.hardshipStandardId,
                    new Deadlines(a.reviewDueAt, a.materialsDueAt, a.assignmentDueAt, a.objectionDueAt,
                            a.clockPausedAt != null),
                    a.missingItems == null ? List.of() : List.of(a.missingItems.split("；")), a.decisionReason,
                    a.decidedAt, refusedOrTerminated ? OBJECTION_ROUTE : null, a.objectionReason, a.objectionDecision,
                    a.providerOrgId, a.outcome, Money.toYuan(a.awardedAmountFen), Money.toYuan(a.recoveredAmountFen),
                    a.closingReport, a.terminationGround, a.rating, a.ratingComment, a.intake,
                    a.intake == LegalAidApplication.Intake.NOTICE ? new NoticeView(a.noticeKind, a.noticeBodyKind,
                            a.noticeBodyName, a.noticeDocumentNumber, a.noticeReceivedOn, f.person(), a.enteredBy) : null,
                    a.intake == LegalAidApplication.Intake.WINDOW ? new WindowView(f.person(), a.enteredBy) : null,
                    timeline, f.materials().stream().map(MaterialView::of).toList());
        }

        private static List<String> split(String s) {
            return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
        }
    }
}
