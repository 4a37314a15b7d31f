-- Advisory follow-ups.
-- The taken periods of an advisor (free-slot listing, the booking's slot check) from a B-tree over the holding
-- bookings' starts, the end carried in the index (index-only scan), instead of the exclusion constraint's GiST
-- index: bench/results/advisory-2026-12-02.md has both plans at 1 M bookings.
create index adv_booking_holding_idx on adv_booking (advisor_id, starts_at) include (ends_at)
    where status in ('PENDING', 'CONFIRMED');
