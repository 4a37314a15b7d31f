package org.publiclegal.identity.api;

import org.publiclegal.identity.PasswordLength;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the sign-in endpoints. */
public final class AuthRequests {

    private AuthRequests() {
    }

    /** The code returned by {@code wx.login()} in the mini-program. */
    public record WeChatSignIn(@NotBlank(message = "请提供 wx.login 返回的 code") @Size(max = 128, message = "code 过长") String code) {
    }

    public record StaffSignIn(
            @NotBlank(message = "请输入用户名") @Size(max = 64, message = "用户名过长") String username,
            @NotBlank(message = "请输入密码") @PasswordLength String password) {
    }

    public record Refresh(@NotBlank(message = "请提供 refreshToken") @Size(max = 100, message = "refreshToken 格式不正确") String refreshToken) {
    }

    /** Changing a staff password with the current one; the new one follows the rule for initial passwords. */
    public record ChangePassword(
            @NotBlank(message = "请输入用户名") @Size(max = 64, message = "用户名过长") String username,
            @NotBlank(message = "请输入当前密码") @PasswordLength String currentPassword,
            @NotNull(message = "请输入新密码")
            @Pattern(regexp = "(?=.*[A-Za-z])(?=.*\\d).{10,}", message = "新密码至少 10 位，须同时包含字母和数字")
            @PasswordLength String newPassword) {
    }

    /** 一次性登录链接: its token and the password the staff member chooses (the rule for any new password). */
    public record SetPasswordWithLink(
            @NotBlank(message = "请提供登录链接中的 token") @Size(max = 100, message = "token 格式不正确") String token,
            @NotNull(message = "请输入新密码")
            @Pattern(regexp = "(?=.*[A-Za-z])(?=.*\\d).{10,}", message = "新密码至少 10 位，须同时包含字母和数字")
            @PasswordLength String newPassword) {
    }
}
