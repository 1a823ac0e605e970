-- 001_domain_events.sql — the event log on the server.
--
-- One row per domain event pushed by a RallyLab laptop. Rows are only ever appended: nobody may
-- update or delete them (005 grants no UPDATE/DELETE and defines no such policy).
--
-- Safe to run again: every statement checks whether its object exists.

-- Our private helpers (functions, the pending-invitations table) live in their own schema, which
-- PostgREST does not expose: nobody can call them over HTTP.
create schema if not exists rallylab;
revoke all on schema rallylab from public;

create table if not exists public.domain_events (
    id              bigserial primary key,
    rally_id        uuid        not null,
    section_id      uuid        null,      -- null: a rally-level event (RallyCreated, OperatorInvited, GroupCreated, ...)
    event_type      text        not null,  -- the event's PascalCase type, e.g. 'CarArrived'
    payload         jsonb       not null,  -- the event in the wire format of docs/events.md
    created_by      uuid        default auth.uid(),  -- the signed-in user; RLS requires it to be the caller
    client_event_id bigint      null,      -- the pushing laptop's local sequence number
    created_at      timestamptz default now(),

    constraint domain_events_event_type_present check (event_type <> ''),
    constraint domain_events_payload_is_object check (jsonb_typeof(payload) = 'object'),
    -- The payload must describe the same event as the columns that row-level security checks.
    -- Without this a registrar could file an event under their own section_id whose payload names
    -- another section (or another type), and every client folding the payload would apply it there.
    constraint domain_events_payload_matches_row check (
        (payload ->> 'type' is null or payload ->> 'type' = event_type)
        and (payload ->> 'rally_id' is null or lower(payload ->> 'rally_id') = rally_id::text)
        and lower(payload ->> 'section_id') is not distinct from section_id::text
    )
);

comment on table public.domain_events is
    'RallyLab domain events (docs/events.md), append-only. Written by laptops with '
    'POST /rest/v1/domain_events?on_conflict=rally_id,section_id,client_event_id and '
    'Prefer: resolution=ignore-duplicates.';

-- The push key. NOT partial: PostgREST's on_conflict names columns only, and ON CONFLICT can infer
-- only a unique index whose predicate it is given, so a partial index here would make every push
-- fail with "no unique or exclusion constraint matching the ON CONFLICT specification".
-- NULLs stay distinct: rows without client_event_id never collide, and neither do rally-level rows
-- (section_id null). Those get their own key below.
create unique index if not exists domain_events_client_event_key
    on public.domain_events (rally_id, section_id, client_event_id);

-- The deterministic key of rally-level events: (rally_id, client_event_id) where section_id is
-- null. The BEFORE INSERT trigger of 004 (domain_events_10_dedup) finds an existing row with that
-- key first and silently skips an identical copy (a retry), so a push with
-- ON CONFLICT (rally_id, section_id, client_event_id) DO NOTHING neither fails nor duplicates.
-- This partial index is the backstop for the one case the trigger cannot see: two transactions
-- inserting the same rally-level row at the same instant. The later one then fails with a unique
-- violation (409 from PostgREST); the client's retry is skipped by the trigger.
create unique index if not exists domain_events_rally_level_key
    on public.domain_events (rally_id, client_event_id)
    where section_id is null;

-- One RallyCreated per rally, even when two people race to create the same rally id.
create unique index if not exists domain_events_one_rally_created
    on public.domain_events (rally_id)
    where event_type = 'RallyCreated';

-- Who authored which rally (the organizer check of row-level security reads this).
create index if not exists domain_events_rally_author
    on public.domain_events (created_by, rally_id)
    where event_type = 'RallyCreated';

-- Pulls: GET ...?rally_id=eq.<id>&order=id.asc, page by page.
create index if not exists domain_events_rally_order
    on public.domain_events (rally_id, id);
