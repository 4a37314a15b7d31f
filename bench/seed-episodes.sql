-- 普法 episodes for bench/education.sh: :rows published episodes in one column, one INSERT … SELECT …
-- FROM generate_series, all indexes (the GIN gram index included) in place. Run with psql:
--
--   psql -v rows=100000 -v column_id=<uuid> -v region=532932000000 -f bench/seed-episodes.sql
--
-- Texts: title, summary and transcript are drawn from a vocabulary of 40 legal words, three per episode
-- (so a given word, e.g. 离婚 or 劳动合同, is in about 7% of the episodes: a catalogue where every common
-- topic has thousands of episodes). search_text / search_grams are made as education.SearchGrams makes them
-- for text without punctuation: the words separated by spaces, each Chinese character and bigram.
\set ON_ERROR_STOP on

create function pg_temp.bench_grams(t text) returns text[] language sql immutable as $$
    select coalesce(array_agg(distinct g), '{}') from (
        select substr(w, i, 1) as g from regexp_split_to_table(t, ' ') w, generate_series(1, length(w)) i
        union all
        select substr(w, i, 2) from regexp_split_to_table(t, ' ') w, generate_series(1, length(w) - 1) i) x
    where g <> '' $$;

insert into edu_episode (id, column_id, episode_no, status, title, summary, topics, law_refs, duration_seconds,
                         video_path, presenter_name, presenter_title, region_code, search_title, search_text,
                         search_grams, author_id, created_at, updated_at, published_at, published_by, version)
with v as (
    select array['离婚', '劳动合同', '欠薪', '诈骗', '宅基地', '彩礼', '赡养', '遗嘱', '工伤', '借条', '交通事故',
                 '网购', '物业', '校园欺凌', '养老金', '继承', '抚养费', '家暴', '征地补偿', '医疗纠纷', '邻里',
                 '土地承包', '消费者', '保险理赔', '房屋买卖', '租房', '民间借贷', '高利贷', '个人信息', '未成年人',
                 '宪法', '合伙', '拆迁', '产品质量', '食品安全', '噪音', '宠物伤人', '高空抛物', '婚前财产', '社保'] as w),
t as (
    select g, w[1 + (g * 7) % 40] as a, w[1 + (g * 13 + 5) % 40] as b, w[1 + (g * 31 + 11) % 40] as c
    from generate_series(1, :rows) g, v),
x as (
    select g, a || '时' || b || '怎么办' as title, '律师讲解' || b || '的常见问题' as summary,
           c || '的法律规定和维权途径' as transcript
    from t)
select gen_random_uuid(), :'column_id'::uuid, g, 'PUBLISHED', title, summary, '{OTHER}', '{}', 120 + g % 180,
       '/bench/' || g || '.mp4', '基准律师', '执业律师', :'region', title,
       title || ' ' || summary || ' 其他 基准律师 ' || transcript,
       pg_temp.bench_grams(title || ' ' || summary || ' 其他 基准律师 ' || transcript),
       gen_random_uuid(), now(), now(), now() - interval '1 second' * g, gen_random_uuid(), 0
from x;

update edu_column set last_episode_no = :rows where id = :'column_id'::uuid;
update edu_catalogue_version set version = version + 1 where id;
