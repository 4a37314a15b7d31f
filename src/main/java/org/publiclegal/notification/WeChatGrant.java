package org.publiclegal.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/**
 * 订阅消息授权: how many messages of one kind a resident allowed (each "允许" in
 * {@code wx.requestSubscribeMessage} permits one 一次性订阅消息).
 */
@Entity
@Table(name = "ntf_wechat_grant")
@IdClass(WeChatGrant.Key.class)
public class WeChatGrant {

    @Id
    public UUID accountId;
    @Id
    public String kind;
    public int remaining;

    public record Key(UUID accountId, String kind) implements Serializable {
    }
}
