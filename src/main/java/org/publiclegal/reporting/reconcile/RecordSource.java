package org.publiclegal.reporting.reconcile;

import org.publiclegal.advisory.AdvisoryEvents;
import org.publiclegal.legalaid.LegalAidEvents;
import org.publiclegal.mediation.MediationEvents;
import org.publiclegal.mediation.screening.ScreeningEvents;
import org.publiclegal.reporting.Metric;

import java.util.List;

/**
 * Where a catalogue figure can be recounted from the case records themselves, independently of the ledger: the
 * records that should be counted in a region and period, each with the quantity it should add. Every query takes
 * the region's code range ($1, $2) and the period as instants ($3 inclusive, $4 exclusive) and dates ($5, $6,
 * inclusive), and returns {@code source_id, quantity}.
 *
 * @param metric the figure
 * @param kinds      the ledger event kinds the figure totals
 * @param sourceType the ledger's source type of the records (their table)
 * @param sql        the records that should be counted
 */
public record RecordSource(Metric metric, List<String> kinds, String sourceType, String sql) {

    private static final String REVIEWS = "('CONTRACT_REVIEW', 'LEGAL_OPINION', 'RULES_AND_DECISIONS_REVIEW')";

    /** Every figure with a source table. Table-based and device figures are read from their tables already. */
    public static final List<RecordSource> ALL = List.of(
            new RecordSource(Metric.LEGAL_AID_CASES, List.of(LegalAidEvents.ASSIGNED), LegalAidEvents.SOURCE_APPLICATION, """
                    select id as source_id, 1::bigint as quantity from aid_application
                    where region_code >= $1 and region_code < $2 and assigned_at >= $3 and assigned_at < $4
                      and service_type not in ('DUTY_LAWYER_HELP', 'LEGAL_CONSULTATION')"""),
            new RecordSource(Metric.LEGAL_AID_DUTY_LAWYER_HELP, List.of(LegalAidEvents.DUTY_LAWYER_HELP),
                    LegalAidEvents.SOURCE_APPLICATION, """
                    select id as source_id, 1::bigint as quantity from aid_application
                    where region_code >= $1 and region_code < $2 and assigned_at >= $3 and assigned_at < $4
                      and service_type = 'DUTY_LAWYER_HELP'"""),
            // 法律咨询 matters that were assigned: the other part of 法律援助咨询 (the walk-in part is below)
            new RecordSource(Metric.LEGAL_AID_CONSULTATIONS, List.of(LegalAidEvents.CONSULTATION),
                    LegalAidEvents.SOURCE_APPLICATION, """
                    select id as source_id, 1::bigint as quantity from aid_application
                    where region_code >= $1 and region_code < $2 and assigned_at >= $3 and assigned_at < $4
                      and service_type = 'LEGAL_CONSULTATION'"""),
            new RecordSource(Metric.LEGAL_AID_APPLICATIONS, List.of(LegalAidEvents.RECEIVED), LegalAidEvents.SOURCE_APPLICATION, """
                    select id as source_id, 1::bigint as quantity from aid_application
                    where region_code >= $1 and region_code < $2 and received_at >= $3 and received_at < $4"""),
            new RecordSource(Metric.LEGAL_AID_CONSULTATIONS, List.of(LegalAidEvents.CONSULTATION), LegalAidEvents.SOURCE_CONSULTATION, """
                    select id as source_id, persons::bigint as quantity from aid_consultation
                    where region_code >= $1 and region_code < $2 and consulted_at >= $3 and consulted_at < $4"""),
            new RecordSource(Metric.MEDIATION_SCREENINGS, List.of(ScreeningEvents.SCREENING), ScreeningEvents.SOURCE, """
                    select id as source_id, 1::bigint as quantity from med_screening
                    where region_code >= $1 and region_code < $2 and screened_on between $5 and $6"""),
            new RecordSource(Metric.MEDIATION_CONCLUDED, List.of(MediationEvents.SUCCEEDED, MediationEvents.FAILED),
                    MediationEvents.SOURCE, """
                    select id as source_id, 1::bigint as quantity from med_dispute
                    where region_code >= $1 and region_code < $2 and status in ('SUCCEEDED', 'FAILED')
                      and concluded_at >= $3 and concluded_at < $4"""),
            new RecordSource(Metric.MEDIATION_SUCCEEDED, List.of(MediationEvents.SUCCEEDED), MediationEvents.SOURCE, """
                    select id as source_id, 1::bigint as quantity from med_dispute
                    where region_code >= $1 and region_code < $2 and status = 'SUCCEEDED'
                      and concluded_at >= $3 and concluded_at < $4"""),
            new RecordSource(Metric.ADVISORY_LEGAL_REVIEWS, List.of(AdvisoryEvents.LEGAL_REVIEW),
                    AdvisoryEvents.SOURCE_SERVICE_RECORD, """
                    select id as source_id, 1::bigint as quantity from adv_service_record
                    where village_code >= $1 and village_code < $2 and started_at >= $3 and started_at < $4
                      and voided_at is null and kind in""" + " " + REVIEWS),
            new RecordSource(Metric.EDUCATION_LECTURES, List.of(AdvisoryEvents.LECTURE_HELD),
                    AdvisoryEvents.SOURCE_SERVICE_RECORD, """
                    select id as source_id, 1::bigint as quantity from adv_service_record
                    where village_code >= $1 and village_code < $2 and started_at >= $3 and started_at < $4
                      and voided_at is null and kind = 'LECTURE'"""),
            new RecordSource(Metric.EDUCATION_PARTICIPANTS, List.of(AdvisoryEvents.PARTICIPATION),
                    AdvisoryEvents.SOURCE_SERVICE_RECORD, """
                    select id as source_id, attendance::bigint as quantity from adv_service_record
                    where village_code >= $1 and village_code < $2 and started_at >= $3 and started_at < $4
                      and voided_at is null and kind = 'LECTURE' and attendance > 0"""));
}
