-- Dev accounts (password = user id) are marked here, in a table no API writes, instead of
-- by their email address, which a user could edit (hiding a dev account, or making every
-- prod start refuse by giving a real account the dev domain).
-- Lifecycle: one row per dev account, written by dev mode only; prod mode refuses to
-- start while a marked user still exists, and a row whose user is gone means nothing.
create table dev_account (
    user_id    varchar(64) primary key,
    marked_at  timestamptz not null default now()
);

-- dev databases made before this table: their dev accounts still carry the dev domain
do $$
begin
    if to_regclass('act_id_user') is not null then
        insert into dev_account (user_id)
        select id_ from act_id_user where email_ like '%@spotcheck.invalid'
        on conflict do nothing;
    end if;
end $$;
