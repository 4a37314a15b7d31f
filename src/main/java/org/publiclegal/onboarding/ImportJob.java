package org.publiclegal.onboarding;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * 导入任务: one uploaded file of one {@link ImportKind}, its status and progress.
 *
 * @param rowsNew       rows that would be (dry run) or were created
 * @param rowsExisting  rows already imported or already registered: nothing is created for them
 * @param rowsAdjusting 台账 rows dated in a closed period: they go in as adjustments with the reason 历史台账导入
 */
public record ImportJob(UUID id, ImportKind kind, String fileName, String fileSha256, UUID fileKey, UUID importerId,
                        Set<String> importerRoles, UUID importerOrg, String scopeRegion, Status status, int rowsTotal,
                        int rowsDone, int rowsNew, int rowsExisting, int rowsAdjusting, int errorCount, String failure,
                        Instant createdAt, Instant validatedAt, Instant confirmedAt, Instant finishedAt) {

    /** 状态. */
    public enum Status {
        /** 校验中: the dry run is queued or running. */
        VALIDATING,
        /** 待确认: every row is valid; nothing written until confirmed. */
        VALIDATED,
        /** 有错误: the report lists every problem; nothing written, the file cannot be confirmed. */
        REJECTED,
        /** 已确认，排队中. */
        QUEUED,
        /** 导入中. */
        IMPORTING,
        /** 已完成. */
        DONE,
        /** 失败: confirm again to resume; rows already imported are skipped. */
        FAILED
    }
}
