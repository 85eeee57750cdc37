-- Dev accounts (password = user id) are marked here, in a table no API writes, instead of
-- by their email address, which a user could edit (hiding a dev account, or making every
-- prod start refuse by giving a real account the dev domain). A mark holds the password
-- hash the account had when dev mode marked it: an account is a dev account while its
-- password is still that one, so a changed password (or a new account under a dev id)
-- is not.
-- Lifecycle: one row per dev account, written by dev mode only; prod mode refuses to
-- start while a marked account keeps its dev password; a row whose user is gone or whose
-- password changed means nothing.
create table dev_account (
    user_id       varchar(64) primary key,
    password_hash varchar(255) not null,
    marked_at     timestamptz not null default now()
);

-- dev databases made before this table: their dev accounts still carry the dev domain
do $$
begin
    if to_regclass('act_id_user') is not null then
        insert into dev_account (user_id, password_hash)
        select id_, pwd_ from act_id_user where email_ like '%@spotcheck.invalid' and pwd_ is not null
        on conflict do nothing;
    end if;
end $$;
