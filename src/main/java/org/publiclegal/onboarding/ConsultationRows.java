package org.publiclegal.onboarding;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.legalaid.AidMatter;
import org.publiclegal.legalaid.consultation.Consultation;
import org.publiclegal.legalaid.consultation.ConsultationService;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.validation.DateBounds;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 法律援助咨询台账 rows: a consultation of people of the importer's area, dated at the start of its day (China time;
 * the ledger counts the day), counted in 人次.
 */
@ApplicationScoped
public class ConsultationRows implements RowHandler<ConsultationRows.Row> {

    static final String DATE = "咨询日期";
    static final String REGION = "咨询人所在区划代码";
    static final String CHANNEL = "咨询渠道";
    static final String MATTER = "事项类别";
    static final String PERSONS = "人次";
    static final String SUMMARY = "摘要";

    static final Map<String, Consultation.Channel> CHANNELS = new LinkedHashMap<>();
    static final Map<String, AidMatter> MATTERS = new LinkedHashMap<>();

    static {
        CHANNELS.put("窗口", Consultation.Channel.WINDOW);
        CHANNELS.put("12348热线", Consultation.Channel.HOTLINE_12348);
        CHANNELS.put("12348", Consultation.Channel.HOTLINE_12348);
        CHANNELS.put("热线", Consultation.Channel.HOTLINE_12348);
        CHANNELS.put("网络", Consultation.Channel.ONLINE);
        CHANNELS.put("村居", Consultation.Channel.VILLAGE);
        MATTERS.put("劳动报酬", AidMatter.LABOUR_RELATIONSHIP_OR_WAGES);
        MATTERS.put("工伤", AidMatter.WORK_INJURY);
        MATTERS.put("人身损害", AidMatter.PERSONAL_INJURY);
        MATTERS.put("赡养抚养扶养", AidMatter.SUPPORT_PAYMENT);
        MATTERS.put("社会保险救助", AidMatter.SOCIAL_INSURANCE_OR_ASSISTANCE);
        MATTERS.put("国家赔偿", AidMatter.STATE_COMPENSATION);
        MATTERS.put("抚恤金", AidMatter.SURVIVOR_OR_DISABILITY_PENSION);
        MATTERS.put("民事行为能力", AidMatter.CIVIL_CAPACITY);
        MATTERS.put("环境污染", AidMatter.ENVIRONMENTAL_DAMAGE);
        MATTERS.put("刑事辩护", AidMatter.CRIMINAL_DEFENCE);
        MATTERS.put("刑事被害人", AidMatter.CRIMINAL_VICTIM);
        MATTERS.put("申诉再审", AidMatter.PETITION_OR_RETRIAL);
        MATTERS.put("其他民事行政", AidMatter.OTHER_CIVIL);
        MATTERS.put("其他", AidMatter.OTHER_PROVINCIAL);
    }

    public record Row(LocalDate consultedOn, String regionCode, Consultation.Channel channel, AidMatter matter,
                      int persons, String summary) {
    }

    private final ConsultationService consultations;

    public ConsultationRows(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CONSULTATIONS;
    }

    @Override
    public Row parse(RowCheck row, ImportContext ctx) {
        LocalDate on = row.date(DATE, true, DateBounds.EARLIEST, ctx.today());
        String region = row.regionCode(REGION, true);
        Consultation.Channel channel = row.choice(CHANNEL, true, CHANNELS);
        AidMatter matter = row.choice(MATTER, true, MATTERS);
        Integer persons = row.number(PERSONS, true, 1, 500);
        String summary = row.text(SUMMARY, false, 1000);
        if (region != null) {
            if (!ctx.scope().covers(region)) {
                row.fail(REGION, "咨询人所在地须在本单位服务区域内");
            } else if (!ctx.regionKnown(region)) {
                row.fail(REGION, "行政区划 " + region + " 未登记");
            }
        }
        return row.ok() ? new Row(on, region, channel, matter, persons, summary) : null;
    }

    @Override
    public List<String> keyParts(Row r) {
        return List.of(r.consultedOn().toString(), r.regionCode(), r.channel().name(), r.matter().name(),
                String.valueOf(r.persons()), r.summary() == null ? "" : r.summary());
    }

    @Override
    public LocalDate datedOn(Row row) {
        return row.consultedOn();
    }

    @Override
    public String regionOf(Row row) {
        return row.regionCode();
    }

    @Override
    public String recordType() {
        return "aid_consultation";
    }

    @Override
    public Uni<String> apply(Row r, int rowNo, ImportContext ctx) {
        Consultation.Entry e = entry(r);
        return consultations.record(e.channel(), e.matter(), e.regionCode(), e.persons(), e.summary(), e.consultedAt(),
                ctx.scope(), ctx.actor()).map(c -> c.id.toString());
    }

    /** The batch through {@link ConsultationService#recordAll}: the same records and ledger events, in a few statements. */
    @Override
    public Uni<List<String>> applyAll(List<Numbered<Row>> rows, ImportContext ctx) {
        return consultations.recordAll(rows.stream().map(n -> entry(n.row())).toList(), ctx.scope(), ctx.actor())
                .map(created -> created.stream().map(c -> c.id.toString()).toList());
    }

    /** The row as staff would enter it, dated at the start of its day (China time). */
    private static Consultation.Entry entry(Row r) {
        return new Consultation.Entry(r.channel(), r.matter(), r.regionCode(), r.persons(), r.summary(),
                r.consultedOn().atStartOfDay(TimeSource.CHINA).toInstant());
    }
}
