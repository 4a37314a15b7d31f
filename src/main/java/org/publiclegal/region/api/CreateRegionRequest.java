package org.publiclegal.region.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.publiclegal.shared.validation.EnteredDate;

import java.time.LocalDate;

/**
 * A region to add under its existing parent (derived from the code); {@code validFrom}: the first day it is on the
 * register (e.g. a village formed by a merger), default 2000-01-01 (an existing 行政区划 entered now).
 */
public record CreateRegionRequest(
        @NotNull(message = "请填写行政区划代码") @Pattern(regexp = "[1-9]\\d{11}", message = "行政区划代码应为 12 位数字") String code,
        @NotBlank(message = "请填写名称") @Size(max = 100, message = "名称最多 100 字") String name,
        @EnteredDate LocalDate validFrom) {
}
