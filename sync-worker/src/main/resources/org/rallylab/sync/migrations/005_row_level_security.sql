-- 005_row_level_security.sql — who may read and write what.
--
-- domain_events:
--   read   only rows of rallies where the caller holds a role (any role; a registrar reads the whole
--          rally, the app shows them their section);
--   insert created_by = auth.uid(), and rallylab.may_append(rally, section, type) (003):
--          RallyCreated only for a rally id with no events; organizer/operator anything in their
--          rally; registrar roster events of their own section (+ GroupCreated); check-in volunteer
--          CarArrived of their own section; nobody else anything;
--   update, delete: nobody: no policy and no privilege, not even for the organizer.
-- rally_roles: a signed-in user reads their own rows; nobody writes (only the triggers of 004).
-- anon (a request without a session) gets no privilege on anything of ours.
--
-- Supabase grants anon and authenticated ALL on every new table in public by default; the revokes
-- below take that back before granting exactly what is needed.
--
-- Safe to run again.

alter table public.domain_events enable row level security;
alter table public.rally_roles enable row level security;
alter table rallylab.pending_invitations enable row level security;

revoke all on table public.domain_events from public, anon, authenticated;
revoke all on table public.rally_roles from public, anon, authenticated;
revoke all on table rallylab.pending_invitations from public, anon, authenticated;
revoke all on sequence public.domain_events_id_seq from public, anon, authenticated;

grant select, insert on table public.domain_events to authenticated;
grant usage on sequence public.domain_events_id_seq to authenticated;
grant select on table public.rally_roles to authenticated;

-- The policies call these helpers as the caller, so the caller needs EXECUTE on them (and nothing
-- else in the schema). PostgREST does not expose the rallylab schema: they cannot be called over
-- HTTP.
grant usage on schema rallylab to authenticated;
grant execute on function rallylab.caller_rally_ids() to authenticated;
grant execute on function rallylab.is_rally_author(uuid) to authenticated;
grant execute on function rallylab.may_append(uuid, uuid, text) to authenticated;

drop policy if exists domain_events_read_own_rallies on public.domain_events;
create policy domain_events_read_own_rallies on public.domain_events
    for select to authenticated
    using (
        rally_id in (select rallylab.caller_rally_ids())
        -- PostgreSQL also applies this policy to every row an INSERT ... ON CONFLICT (or RETURNING)
        -- writes, before the row is stored and before the role trigger runs at the end of the
        -- statement. These two terms admit the rows of a push that creates a rally: its own
        -- RallyCreated, and the rows after it in the same INSERT (is_rally_author is volatile and
        -- sees the RallyCreated already written by that INSERT; the subquery above is evaluated
        -- only once per statement).
        or (event_type = 'RallyCreated' and created_by = (select auth.uid()))
        or rallylab.is_rally_author(rally_id));

drop policy if exists domain_events_append_by_role on public.domain_events;
create policy domain_events_append_by_role on public.domain_events
    for insert to authenticated
    with check (
        created_by is not null
        and created_by = (select auth.uid())
        and rallylab.may_append(rally_id, section_id, event_type));

drop policy if exists rally_roles_read_own on public.rally_roles;
create policy rally_roles_read_own on public.rally_roles
    for select to authenticated
    using (user_id = (select auth.uid()));
