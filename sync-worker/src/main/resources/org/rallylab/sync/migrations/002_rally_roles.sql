-- 002_rally_roles.sql — who may do what in which rally.
--
-- rally_roles is written only by the triggers of 004 (SECURITY DEFINER functions), never by a
-- client: authenticated users may read their own rows and nothing else (005).
--
-- Safe to run again.

create table if not exists public.rally_roles (
    rally_id   uuid not null,
    user_id    uuid not null references auth.users (id) on delete cascade,
    role       text not null,
    section_id uuid null,

    constraint rally_roles_role_known
        check (role in ('organizer', 'operator', 'registrar', 'checkin_volunteer')),
    -- organizer and operator act on the whole rally; registrar and check-in volunteer on one section.
    constraint rally_roles_section_matches_role
        check ((role in ('organizer', 'operator')) = (section_id is null)),
    constraint rally_roles_once unique nulls not distinct (rally_id, user_id, role, section_id)
);

comment on table public.rally_roles is
    'Roles per rally, granted and revoked only by triggers on domain_events '
    '(RallyCreated, RegistrarInvited, OperatorInvited, CheckInVolunteerInvited, RoleRevoked).';

create index if not exists rally_roles_by_user on public.rally_roles (user_id, rally_id);
create index if not exists rally_roles_by_rally on public.rally_roles (rally_id, role, section_id);

-- Invitations for an email address nobody has signed up with yet. When that user first signs up
-- (a row in auth.users), the trigger of 004 turns them into rally_roles rows and deletes them.
-- Private: in the rallylab schema, row-level security on, no grants, no policies.
create table if not exists rallylab.pending_invitations (
    rally_id   uuid not null,
    email      text not null,  -- lower-cased, trimmed
    role       text not null,
    section_id uuid null,
    invited_at timestamptz not null default now(),

    constraint pending_invitations_role_invitable
        check (role in ('operator', 'registrar', 'checkin_volunteer')),
    constraint pending_invitations_section_matches_role
        check ((role = 'operator') = (section_id is null)),
    constraint pending_invitations_email_normalized check (email = lower(btrim(email)) and email <> ''),
    constraint pending_invitations_once unique nulls not distinct (rally_id, email, role, section_id)
);

create index if not exists pending_invitations_by_email on rallylab.pending_invitations (email);
