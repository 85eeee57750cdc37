-- Issue 12 (bounds and races). Another migration may be added beside this one: renumber if the
-- versions collide.

-- the video's custody entry holds its whole URI (up to the 2,000 characters the purchase form
-- and evidence_item.uri allow) plus a sentence and the hash: 2,000 was too short by 87.
-- Widening a varchar rewrites nothing, and ALTER is no UPDATE: the append-only trigger holds.
alter table custody_entry alter column details type varchar(4000);

-- a brand is one brand whatever its case (routing matches lower(brand)): 'Acme' and 'ACME' held by
-- two rights holders made routing fail on two answers. Keep one row per brand (the first
-- spelling in byte order; PUT /api/verifiers/{id} refuses a brand held by another with 409).
delete from verifier_brand a using verifier_brand b
where lower(a.brand) = lower(b.brand) and a.brand collate "C" > b.brand collate "C";
create unique index verifier_brand_once_in_any_case on verifier_brand (lower(brand));

-- agencies number their own reports: 'PSB-1' may come for two referrals, and must count for each;
-- a report is the same report only within its referral (the key leads with the referral, so the
-- by-referral index is redundant)
alter table referral_outcome drop constraint referral_outcome_pkey;
alter table referral_outcome add constraint referral_outcome_pkey primary key (referral_id, report_id);
drop index referral_outcome_by_referral;

-- a round the 30-day timer re-routed is closed: a verdict for it arriving later is refused (409),
-- never taken for the next round; set under the row lock a verdict takes
alter table verification add column superseded_at timestamptz;
-- rounds re-routed before this column existed: unanswered, with a later round
update verification v set superseded_at = (select min(n.requested_at) from verification n
                                           where n.case_pk = v.case_pk and n.round > v.round)
where v.verdict is null and exists (select 1 from verification n where n.case_pk = v.case_pk and n.round > v.round);

-- linked cases read each network member's latest listing; without this, one scan of all listings
-- per member. seller_pk alone (not updated_at): listing refreshes stay HOT updates
create index listing_by_seller on listing (seller_pk);
