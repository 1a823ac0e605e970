-- 003_access_functions.sql — the questions row-level security asks, as SECURITY DEFINER helpers.
--
-- The policies of 005 call these instead of querying rally_roles / domain_events themselves: a
-- policy on domain_events that read rally_roles (and the reverse) would run those tables' own
-- policies too, and recursion or a caller who cannot see the rows would make every check wrong.
-- The helpers run as their owner (who bypasses row-level security), with search_path pinned to
-- nothing so that a caller's objects can never stand in for ours, and answer only about the
-- caller (auth.uid()).
--
-- They are VOLATILE on purpose: a volatile function takes a fresh snapshot for each query, so it
-- sees the rows the calling INSERT has written so far. A push is one INSERT of up to 500 events;
-- when it starts with RallyCreated, the rows after it must already count the caller as organizer.
--
-- Safe to run again.

-- The caller authored the RallyCreated of this rally: they are its organizer for good (the
-- organizer role cannot be revoked). Also true for later rows of the very INSERT that wrote the
-- RallyCreated, before the role trigger (AFTER INSERT, end of statement) has written rally_roles.
create or replace function rallylab.is_rally_author(p_rally uuid)
    returns boolean
    language sql volatile security definer
    set search_path = ''
as $$
    select exists (
        select 1 from public.domain_events e
        where e.event_type = 'RallyCreated'
          and e.rally_id = p_rally
          and e.created_by = auth.uid()
          and auth.uid() is not null)
$$;

-- The caller holds one of p_roles in p_rally. Rally-wide roles (organizer, operator) hold in every
-- section; section roles (registrar, checkin_volunteer) only when their section is p_section
-- (never when p_section is null).
create or replace function rallylab.has_role(p_rally uuid, p_roles text[], p_section uuid default null)
    returns boolean
    language sql volatile security definer
    set search_path = ''
as $$
    select auth.uid() is not null and (
        exists (
            select 1 from public.rally_roles r
            where r.rally_id = p_rally
              and r.user_id = auth.uid()
              and r.role = any (p_roles)
              and (r.role in ('organizer', 'operator') or r.section_id = p_section))
        or ('organizer' = any (p_roles) and rallylab.is_rally_author(p_rally)))
$$;

-- The caller holds one of p_roles in p_rally, in any section.
create or replace function rallylab.has_role_anywhere(p_rally uuid, p_roles text[])
    returns boolean
    language sql volatile security definer
    set search_path = ''
as $$
    select auth.uid() is not null and exists (
        select 1 from public.rally_roles r
        where r.rally_id = p_rally
          and r.user_id = auth.uid()
          and r.role = any (p_roles))
$$;

-- The rallies the caller may read: those where they hold any role (or authored the RallyCreated).
create or replace function rallylab.caller_rally_ids()
    returns setof uuid
    language sql volatile security definer
    set search_path = ''
as $$
    select r.rally_id from public.rally_roles r where r.user_id = auth.uid()
    union
    select e.rally_id from public.domain_events e
    where e.event_type = 'RallyCreated' and e.created_by = auth.uid()
$$;

-- The roster events a registrar may write, all in their own section:
--   RosterUpdated, ParticipantAdded, ParticipantUpdated, ParticipantRemoved.
-- Not RosterLoaded (the race-day freeze belongs to the operator), not SectionCreated/SectionRenamed
-- (the organizer shapes the rally), not invitations or revocations, not CarArrived.
-- A registrar may also write GroupCreated, which is rally-level (no section_id): an import creates
-- the groups (Scout troops) it names that the rally does not have yet, in the same batch as the
-- participants (docs/event-extensions.md), and a group is only a shared label that later
-- ParticipantUpdated events point at. Refusing it would make every import with a new troop fail.
create or replace function rallylab.registrar_event_types()
    returns text[]
    language sql immutable
    set search_path = ''
as $$
    select array['RosterUpdated', 'ParticipantAdded', 'ParticipantUpdated', 'ParticipantRemoved']
$$;

-- May the caller append an event of this type to this rally/section?
--   RallyCreated: anyone signed in, only for a rally id that has no events yet, rally-level.
--   organizer/operator: any other event of their rally.
--   registrar: the roster events above in their own section; GroupCreated (rally-level) when they
--     are a registrar of any section of the rally.
--   check-in volunteer: CarArrived of their own section.
--   nobody else: nothing.
-- created_by = auth.uid() is checked by the policy itself.
create or replace function rallylab.may_append(p_rally uuid, p_section uuid, p_type text)
    returns boolean
    language plpgsql volatile security definer
    set search_path = ''
as $$
begin
    if auth.uid() is null or p_rally is null or p_type is null then
        return false;
    end if;
    if p_type = 'RallyCreated' then
        return p_section is null
           and not exists (select 1 from public.domain_events e where e.rally_id = p_rally);
    end if;
    if rallylab.has_role(p_rally, array['organizer', 'operator'], p_section) then
        return true;
    end if;
    if p_section is not null then
        if p_type = any (rallylab.registrar_event_types()) then
            return rallylab.has_role(p_rally, array['registrar'], p_section);
        end if;
        if p_type = 'CarArrived' then
            return rallylab.has_role(p_rally, array['checkin_volunteer'], p_section);
        end if;
        return false;
    end if;
    if p_type = 'GroupCreated' then
        return rallylab.has_role_anywhere(p_rally, array['registrar']);
    end if;
    return false;
end
$$;

revoke all on function rallylab.is_rally_author(uuid) from public;
revoke all on function rallylab.has_role(uuid, text[], uuid) from public;
revoke all on function rallylab.has_role_anywhere(uuid, text[]) from public;
revoke all on function rallylab.caller_rally_ids() from public;
revoke all on function rallylab.registrar_event_types() from public;
revoke all on function rallylab.may_append(uuid, uuid, text) from public;
