package org.publiclegal.notification;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * WeChat's access-token ({@code GET /cgi-bin/token}) and 订阅消息 ({@code POST /cgi-bin/message/subscribe/send})
 * endpoints, on the same base URL and timeouts as the login ({@code quarkus.rest-client.wechat.*}). Answers are
 * read as text (WeChat labels JSON text/plain) and parsed by {@link WeChatMessenger}.
 */
@RegisterRestClient(configKey = "wechat")
@Path("/cgi-bin")
public interface WeChatMessageApi {

    @GET
    @Path("/token")
    Uni<String> token(@QueryParam("grant_type") String grantType, @QueryParam("appid") String appId,
                      @QueryParam("secret") String secret);

    @POST
    @Path("/message/subscribe/send")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<String> send(@QueryParam("access_token") String accessToken, String body);
}
