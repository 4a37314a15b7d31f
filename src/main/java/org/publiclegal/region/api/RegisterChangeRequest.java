package org.publiclegal.region.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.publiclegal.shared.validation.EnteredDate;

import java.time.LocalDate;

/**
 * A dated change of a register (撤销行政区划, 重新启用机构/账号/行政区划/成员资格, 结束成员资格): from which day (up to
 * tomorrow) and why.
 */
public record RegisterChangeRequest(
        @NotNull(message = "请填写日期 on") @EnteredDate LocalDate on,
        @NotBlank(message = "请填写原因") @Size(max = 500, message = "原因最多 500 字") String reason) {
}
