package org.publiclegal.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** 消息订阅设置: whether an account receives one kind of notice (no row = receives it). */
@Entity
@Table(name = "ntf_preference")
@IdClass(Preference.Key.class)
public class Preference {

    @Id
    public UUID accountId;
    @Id
    public String kind;
    public boolean enabled;

    public record Key(UUID accountId, String kind) implements Serializable {
    }
}
