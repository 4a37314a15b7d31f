package org.publiclegal.region.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.publiclegal.shared.validation.EnteredDate;

import java.time.LocalDate;

/** 停用机构: from which day (the first day no longer serving; up to tomorrow) and why. */
public record DeactivateOrganisationRequest(
        @NotNull(message = "请填写停用日期") @EnteredDate LocalDate on,
        @NotBlank(message = "请填写停用原因") @Size(max = 500, message = "停用原因最多 500 字") String reason) {
}
