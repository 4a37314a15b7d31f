package org.publiclegal.region.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.region.OrganisationType.CommitteeKind;
import org.publiclegal.shared.validation.EnteredDate;

import java.time.LocalDate;

/**
 * A new organisation; {@code regionCode} is the root of the region subtree it covers; {@code validFrom} (成立日期,
 * optional): the day it has served since (not before 2000-01-01, not after today), default today.
 */
public record CreateOrganisationRequest(
        @NotNull(message = "请选择机构类型") OrganisationType type,
        CommitteeKind committeeKind,
        @NotBlank(message = "请填写机构名称") @Size(max = 200, message = "机构名称最多 200 字") String name,
        @NotNull(message = "请填写行政区划代码") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String regionCode,
        @Size(max = 300, message = "地址最多 300 字") String address,
        @Size(max = 40, message = "电话最多 40 字") @Pattern(regexp = "[0-9+\\- ]*", message = "电话只能包含数字、+、- 和空格") String phone,
        @EnteredDate LocalDate validFrom) {
}
