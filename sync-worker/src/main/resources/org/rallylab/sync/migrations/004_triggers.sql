-- 004_triggers.sql — deduplication of pushes, and the roles that events grant and revoke.
--
-- All trigger functions are SECURITY DEFINER with search_path pinned to nothing; nobody but the
-- triggers can run them (005 grants no EXECUTE on them).
--
-- Safe to run again.

---------------------------------------------------------------------------------------------------
-- Deduplication (BEFORE INSERT on domain_events).
--
-- A laptop pushes with ON CONFLICT (rally_id, section_id, client_event_id) DO NOTHING and resends a
-- batch whose response it lost. For section-level rows the unique index of 001 makes the resent
-- rows no-ops. For rally-level rows (section_id null) it cannot, because NULLs are distinct, so
-- this trigger looks the row up by its own key (rally_id, client_event_id) and:
--   * same event_type and same payload already there (a retry): the row is skipped silently
--     (the trigger returns null), so the push neither fails nor duplicates;
--   * a different event already holds that key: the insert fails with a unique violation (409)
--     saying so. This holds for section-level rows too, where DO NOTHING would otherwise drop the
--     new, different event without a word: two laptops whose local sequence numbers overlap in a
--     section must hear about it rather than lose an event on the server.
-- created_by is not compared: a retry after the operator signed in as someone else is still the
-- same event.
-- A caller who may not read the rally is not answered here (the row goes on and row-level security
-- refuses it), so the trigger never tells a stranger which keys exist. Sessions without a signed-in
-- user (the SQL editor, the service role) are not deduplicated.
-- Two transactions racing to insert the same rally-level row: see domain_events_rally_level_key.
---------------------------------------------------------------------------------------------------
create or replace function rallylab.skip_repeated_client_event()
    returns trigger
    language plpgsql volatile security definer
    set search_path = ''
as $$
declare
    v_type    text;
    v_payload jsonb;
begin
    if new.client_event_id is null or auth.uid() is null then
        return new;
    end if;
    if new.section_id is null then
        select e.event_type, e.payload into v_type, v_payload
        from public.domain_events e
        where e.rally_id = new.rally_id and e.section_id is null and e.client_event_id = new.client_event_id
        limit 1;
    else
        select e.event_type, e.payload into v_type, v_payload
        from public.domain_events e
        where e.rally_id = new.rally_id and e.section_id = new.section_id
          and e.client_event_id = new.client_event_id
        limit 1;
    end if;
    if not found
       or not (rallylab.has_role_anywhere(new.rally_id,
                                          array['organizer', 'operator', 'registrar', 'checkin_volunteer'])
               or rallylab.is_rally_author(new.rally_id)) then
        return new;  -- a new key, or a caller who may not read this rally: row-level security decides
    end if;
    if v_type = new.event_type and v_payload = new.payload then
        if new.section_id is null then
            return null;  -- a retry of a rally-level event: already stored, skip it
        end if;
        return new;       -- section-level: the unique index decides (DO NOTHING skips it)
    end if;
    raise exception using
        errcode = '23505',
        message = format('client_event_id %s of rally %s%s already holds a different event (%s, not %s)',
                         new.client_event_id, new.rally_id,
                         coalesce(' section ' || new.section_id::text, ''), v_type, new.event_type),
        hint = 'Two laptops pushed different events to this rally under the same local sequence number, '
               'so this one was not stored. Nothing was lost locally; tell the organizer which laptops '
               'recorded events for this rally.';
end
$$;

create or replace trigger domain_events_10_dedup
    before insert on public.domain_events
    for each row execute function rallylab.skip_repeated_client_event();

---------------------------------------------------------------------------------------------------
-- Roles (AFTER INSERT on domain_events): only rows that were really stored (past row-level
-- security, not skipped as duplicates) grant or revoke anything. Payload fields as docs/events.md names
-- them; emails compare case-insensitively.
--   RallyCreated              → its author (created_by) becomes organizer.
--   RegistrarInvited          → registrar_email becomes the section's registrar; the latest
--                               invitation per section wins, so the previous registrar (or pending
--                               invitation) of that section is removed.
--   OperatorInvited           → operator_email becomes an operator of the rally.
--   CheckInVolunteerInvited   → volunteer_email becomes a check-in volunteer of the section.
--   RoleRevoked               → email loses role (registrar | operator | checkin_volunteer) in the
--                               rally; a registrar or volunteer role only in section_id when the
--                               event names one, in every section otherwise. Pending invitations go
--                               too. The organizer role is never revoked.
-- An invitation for an email without an account waits in rallylab.pending_invitations until that
-- user signs up (trigger on auth.users below).
---------------------------------------------------------------------------------------------------
create or replace function rallylab.grant_role(p_rally uuid, p_email text, p_role text, p_section uuid)
    returns void
    language plpgsql volatile security definer
    set search_path = ''
as $$
declare
    v_email text := lower(btrim(p_email));
begin
    if v_email is null or v_email = '' then
        return;
    end if;
    if exists (select 1 from auth.users u where lower(btrim(u.email)) = v_email) then
        insert into public.rally_roles (rally_id, user_id, role, section_id)
        select p_rally, u.id, p_role, p_section from auth.users u where lower(btrim(u.email)) = v_email
        on conflict do nothing;
    else
        insert into rallylab.pending_invitations (rally_id, email, role, section_id)
        values (p_rally, v_email, p_role, p_section)
        on conflict do nothing;
    end if;
end
$$;

create or replace function rallylab.revoke_role(p_rally uuid, p_email text, p_role text, p_section uuid)
    returns void
    language plpgsql volatile security definer
    set search_path = ''
as $$
declare
    v_email text := lower(btrim(p_email));
begin
    if v_email is null or v_email = '' or p_role is null
       or p_role not in ('registrar', 'operator', 'checkin_volunteer') then
        return;
    end if;
    delete from public.rally_roles r
    using auth.users u
    where r.rally_id = p_rally
      and r.role = p_role
      and r.user_id = u.id
      and lower(btrim(u.email)) = v_email
      and (p_role = 'operator' or p_section is null or r.section_id = p_section);
    delete from rallylab.pending_invitations p
    where p.rally_id = p_rally
      and p.role = p_role
      and p.email = v_email
      and (p_role = 'operator' or p_section is null or p.section_id = p_section);
end
$$;

create or replace function rallylab.apply_role_event()
    returns trigger
    language plpgsql volatile security definer
    set search_path = ''
as $$
begin
    case new.event_type
        when 'RallyCreated' then
            if new.created_by is not null then
                insert into public.rally_roles (rally_id, user_id, role, section_id)
                values (new.rally_id, new.created_by, 'organizer', null)
                on conflict do nothing;
            end if;
        when 'RegistrarInvited' then
            if new.section_id is not null then
                delete from public.rally_roles r
                where r.rally_id = new.rally_id and r.role = 'registrar' and r.section_id = new.section_id;
                delete from rallylab.pending_invitations p
                where p.rally_id = new.rally_id and p.role = 'registrar' and p.section_id = new.section_id;
                perform rallylab.grant_role(new.rally_id, new.payload ->> 'registrar_email', 'registrar',
                                            new.section_id);
            end if;
        when 'OperatorInvited' then
            perform rallylab.grant_role(new.rally_id, new.payload ->> 'operator_email', 'operator', null);
        when 'CheckInVolunteerInvited' then
            if new.section_id is not null then
                perform rallylab.grant_role(new.rally_id, new.payload ->> 'volunteer_email', 'checkin_volunteer',
                                            new.section_id);
            end if;
        when 'RoleRevoked' then
            perform rallylab.revoke_role(new.rally_id, new.payload ->> 'email', new.payload ->> 'role',
                                         new.section_id);
        else
            null;  -- every other event leaves the roles alone
    end case;
    return null;
end
$$;

create or replace trigger domain_events_20_roles
    after insert on public.domain_events
    for each row execute function rallylab.apply_role_event();

---------------------------------------------------------------------------------------------------
-- Sign-up (AFTER INSERT or UPDATE OF email on auth.users): pending invitations for the user's email
-- become their roles. GoTrue writes the auth.users row when the email first asks for a code.
---------------------------------------------------------------------------------------------------
create or replace function rallylab.claim_invitations()
    returns trigger
    language plpgsql volatile security definer
    set search_path = ''
as $$
declare
    v_email text := lower(btrim(new.email));
begin
    if v_email is null or v_email = '' then
        return null;
    end if;
    insert into public.rally_roles (rally_id, user_id, role, section_id)
    select p.rally_id, new.id, p.role, p.section_id
    from rallylab.pending_invitations p
    where p.email = v_email
    on conflict do nothing;
    delete from rallylab.pending_invitations p where p.email = v_email;
    return null;
end
$$;

create or replace trigger rallylab_claim_invitations
    after insert or update of email on auth.users
    for each row execute function rallylab.claim_invitations();

revoke all on function rallylab.skip_repeated_client_event() from public;
revoke all on function rallylab.grant_role(uuid, text, text, uuid) from public;
revoke all on function rallylab.revoke_role(uuid, text, text, uuid) from public;
revoke all on function rallylab.apply_role_event() from public;
revoke all on function rallylab.claim_invitations() from public;
