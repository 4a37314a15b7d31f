package org.publiclegal.identity.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.identity.AuthService;
import org.publiclegal.identity.SignInLinkService;
import org.publiclegal.identity.api.AuthRequests.ChangePassword;
import org.publiclegal.identity.api.AuthRequests.Refresh;
import org.publiclegal.identity.api.AuthRequests.SetPasswordWithLink;
import org.publiclegal.identity.api.AuthRequests.StaffSignIn;
import org.publiclegal.identity.api.AuthRequests.WeChatSignIn;
import org.publiclegal.shared.security.CurrentUser;

import java.time.Clock;

/** Sign-in for residents (WeChat) and staff (password), token refresh and sign-out. */
@Cancellable(false)
@Path("/api/auth")
@Tag(name = "Auth", description = "登录、刷新令牌、退出")
@PermitAll
public class AuthResource {

    private final AuthService auth;
    private final CurrentUser user;
    private final Clock clock;
    private final SignInLinkService links;

    public AuthResource(AuthService auth, CurrentUser user, Clock clock, SignInLinkService links) {
        this.auth = auth;
        this.links = links;
        this.user = user;
        this.clock = clock;
    }

    @POST
    @Path("/wechat")
    @Operation(summary = "群众通过微信小程序登录（wx.login 的 code），首次登录自动注册")
    public Uni<TokenView> wechat(@Valid @NotNull(message = "请求内容不能为空") WeChatSignIn request) {
        return auth.signInWithWeChat(request.code(), user.anonymous()).map(i -> TokenView.of(i, clock));
    }

    @POST
    @Path("/staff")
    @Operation(summary = "工作人员用户名密码登录；连续输错将临时锁定")
    public Uni<TokenView> staff(@Valid @NotNull(message = "请求内容不能为空") StaffSignIn request) {
        return auth.signInStaff(request.username(), request.password(), user.anonymous()).map(i -> TokenView.of(i, clock));
    }

    @POST
    @Path("/password")
    @ResponseStatus(204)
    @Operation(summary = "工作人员修改密码（初始密码须先修改才能登录）；修改后该账号的刷新令牌全部失效")
    public Uni<Void> changePassword(@Valid @NotNull(message = "请求内容不能为空") ChangePassword request) {
        return auth.changePassword(request.username(), request.currentPassword(), request.newPassword(),
                user.anonymous());
    }

    @POST
    @Path("/sign-in-link")
    @ResponseStatus(204)
    @Operation(summary = "用导入时发放的一次性登录链接设置自己的密码（链接 7 天内有效、只能使用一次；"
            + "无效 400 SIGN_IN_LINK_UNKNOWN，已使用或已过期 410）；之后用新密码登录")
    public Uni<Void> setPasswordWithLink(@Valid @NotNull(message = "请求内容不能为空") SetPasswordWithLink request) {
        return links.redeem(request.token(), request.newPassword(), user.anonymous());
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "用刷新令牌换取新令牌（每次轮换；旧令牌重复使用将注销整个登录）")
    public Uni<TokenView> refresh(@Valid @NotNull(message = "请求内容不能为空") Refresh request) {
        return auth.refresh(request.refreshToken()).map(i -> TokenView.of(i, clock));
    }

    @POST
    @Path("/logout")
    @ResponseStatus(204)
    @Operation(summary = "退出登录：该刷新令牌所属的登录全部失效")
    public Uni<Void> logout(@Valid @NotNull(message = "请求内容不能为空") Refresh request) {
        return auth.signOut(request.refreshToken());
    }
}
