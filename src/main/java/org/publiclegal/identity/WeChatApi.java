package org.publiclegal.identity;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * WeChat's {@code auth.code2Session} (GET /sns/jscode2session). Base URL and timeouts are
 * {@code quarkus.rest-client.wechat.*}. WeChat answers JSON labelled text/plain, so the body is read
 * as text and parsed by {@link WeChatGateway}.
 */
@RegisterRestClient(configKey = "wechat")
@Path("/sns")
public interface WeChatApi {

    @GET
    @Path("/jscode2session")
    Uni<String> jscode2session(@QueryParam("appid") String appId, @QueryParam("secret") String secret,
                               @QueryParam("js_code") String code, @QueryParam("grant_type") String grantType);
}
