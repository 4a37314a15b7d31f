-- The exact value of each snapshot figure beside the printed one (issue 12): the count, the amount in fen or a
-- rate's numerator, and a rate's denominator. Null in snapshots taken before this column existed.
alter table reporting_snapshot_figure add column exact_value bigint;
alter table reporting_snapshot_figure add column exact_of bigint;
