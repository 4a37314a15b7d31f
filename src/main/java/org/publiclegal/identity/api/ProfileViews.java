package org.publiclegal.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.publiclegal.identity.Account;
import org.publiclegal.identity.PersonalData.Details;
import org.publiclegal.shared.validation.ChineseIdNumber;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Request and response records of the profile endpoints. */
public final class ProfileViews {

    private ProfileViews() {
    }

    /** 实名信息 as entered by the resident. */
    public record UpdateProfileRequest(
            @NotBlank(message = "请填写真实姓名") @Size(max = 50, message = "姓名最多 50 字") String realName,
            @NotNull(message = "请填写身份证号码") @ChineseIdNumber String idNumber,
            @NotNull(message = "请填写手机号码") @Pattern(regexp = "1[3-9]\\d{9}", message = "不是有效的手机号码") String mobile,
            @Size(max = 200, message = "地址最多 200 字") String address,
            @NotNull(message = "请选择所在村（社区）") @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String homeVillageCode) {
    }

    /** Real-name details; masked unless shown to their owner or through an audited read. */
    public record ProfileView(UUID residentId, String realName, String idNumber, String mobile, String address,
                              String homeVillageCode, boolean masked, Instant updatedAt) {

        public static ProfileView of(Details d, boolean masked) {
            return new ProfileView(d.accountId(), d.realName(), d.idNumber(), d.mobile(), d.address(),
                    d.homeVillageCode(), masked, d.updatedAt());
        }
    }

    /** The signed-in account. {@code profileComplete} tells the app whether real-name details are still needed. */
    public record MeView(UUID id, String kind, String displayName, Set<String> roles, UUID organisationId,
                         String regionCode, boolean profileComplete, ProfileView profile) {

        public static MeView of(Account a, Details profile) {
            return new MeView(a.id, a.kind.name(), a.displayName, a.roleSet(), a.organisationId, a.regionCode,
                    profile != null, profile == null ? null : ProfileView.of(profile, false));
        }
    }
}
