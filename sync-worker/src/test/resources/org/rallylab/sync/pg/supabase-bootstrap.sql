-- What a Supabase project has before our migrations run, as far as they depend on it: the anon and
-- authenticated roles, the auth schema with auth.users and auth.uid() / auth.jwt() / auth.email()
-- reading the request's JWT claims the way PostgREST sets them, and the realtime publication.
-- Test scope only: a real project already has all of this.
create schema if not exists auth;
create table if not exists auth.users (
    id uuid primary key default gen_random_uuid(),
    email text not null unique,
    created_at timestamptz not null default now()
);
create or replace function auth.jwt() returns jsonb language sql stable as $$
    select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
$$;
create or replace function auth.uid() returns uuid language sql stable as $$
    select nullif(auth.jwt() ->> 'sub', '')::uuid
$$;
create or replace function auth.email() returns text language sql stable as $$
    select auth.jwt() ->> 'email'
$$;
create or replace function auth.role() returns text language sql stable as $$
    select auth.jwt() ->> 'role'
$$;
grant usage on schema auth to anon, authenticated;
grant usage on schema public to anon, authenticated;
create publication supabase_realtime;
