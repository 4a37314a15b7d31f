-- 普法 videos, follow-ups of issue 10.
--
-- 1. The batch aggregates leave the episode row. edu_episode.plays / completions were updated by every
--    aggregation run, and every update of that wide row (plays is in an index, so never a HOT update) added
--    an entry to each of its indexes, the GIN search index included. They now live in a narrow row per
--    episode; the popular feed walks its (plays desc, episode_id desc) index and joins the episode by
--    primary key. The row is made with the episode (trigger below), so every episode has one and the
--    popular order needs no outer join; withdrawn episodes keep theirs (their figures stay).
create table edu_episode_stats (
    episode_id  uuid   primary key references edu_episode (id),
    plays       bigint not null default 0,
    completions bigint not null default 0
);
insert into edu_episode_stats (episode_id, plays, completions) select id, plays, completions from edu_episode;
create index edu_episode_stats_popular_idx on edu_episode_stats (plays desc, episode_id desc);

create function edu_episode_stats_row() returns trigger language plpgsql as
$$
begin
    insert into edu_episode_stats (episode_id) values (new.id);
    return null;
end
$$;
create trigger edu_episode_stats_row after insert on edu_episode
    for each row execute function edu_episode_stats_row();

drop index edu_episode_popular_idx;
alter table edu_episode drop column plays, drop column completions;

