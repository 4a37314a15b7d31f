package org.publiclegal.identity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.publiclegal.identity.PasswordLength;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.publiclegal.identity.StaffService.StaffMember;
import org.publiclegal.shared.validation.EnteredDate;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Request and response records of the staff endpoints. */
public final class StaffViews {

    private StaffViews() {
    }

    public record CreateStaffRequest(
            @NotBlank(message = "请填写用户名") @Pattern(regexp = "[A-Za-z0-9_.\\-]{3,64}", message = "用户名为 3 至 64 位字母、数字或 _ . -") String username,
            @NotNull(message = "请设置初始密码")
            @Pattern(regexp = "(?=.*[A-Za-z])(?=.*\\d).{10,}", message = "密码至少 10 位，须同时包含字母和数字") @PasswordLength String password,
            @NotBlank(message = "请填写姓名") @Size(max = 100, message = "姓名最多 100 字") String displayName,
            @NotNull(message = "请选择所属机构") UUID organisationId,
            @NotEmpty(message = "至少分配一个角色")
            Set<@Pattern(regexp = "MEDIATOR|AID_OFFICER|LAWYER|JUDICIAL_OFFICE|BUREAU_ADMIN|SYSTEM_ADMIN",
                    message = "未知角色") String> roles,
            @Schema(description = "手机号（可选）：11 位数字，可含空格或连字符；加密保存，列表中打码显示", example = "13800138000")
            @Size(max = 20, message = "手机号应为 11 位数字") String mobile) {
    }

    /** 更改手机号: the new mobile, or null / empty to remove it. */
    public record ChangeMobileRequest(
            @Schema(description = "新的手机号：11 位数字，可含空格或连字符；为空则删除", example = "13800138000")
            @Size(max = 20, message = "手机号应为 11 位数字") String mobile) {
    }

    /** 停用账号: from which day (the first day no longer serving; up to tomorrow) and why. */
    public record DeactivateStaffRequest(
            @NotNull(message = "请填写停用日期") @EnteredDate LocalDate on,
            @NotBlank(message = "请填写停用原因") @Size(max = 500, message = "停用原因最多 500 字") String reason) {
    }

    /** A staff member's mobile in the clear (an audited read). */
    public record StaffContactView(UUID id, String displayName, String mobile) {
        public static StaffContactView of(org.publiclegal.identity.StaffService.Contact c) {
            return new StaffContactView(c.accountId(), c.displayName(), c.mobile());
        }
    }

    /** A staff account; {@code mobileMasked}: its mobile as lists show it ({@code 138****5678}), when one is registered. */
    public record StaffView(UUID id, String username, String displayName, Set<String> roles, UUID organisationId,
                            String regionCode, boolean active, LocalDate validFrom,
                            LocalDate validTo, String mobileMasked) {

        public static StaffView of(StaffMember m) {
            return new StaffView(m.account().id, m.username(), m.account().displayName, m.account().roleSet(),
                    m.account().organisationId, m.account().regionCode, m.account().active, m.account().validFrom,
                    m.account().validTo, m.maskedMobile());
        }
    }
}
