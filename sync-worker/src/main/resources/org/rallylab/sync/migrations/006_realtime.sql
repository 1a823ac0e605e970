-- 006_realtime.sql — let Supabase Realtime stream new domain_events to signed-in clients.
--
-- Realtime applies the SELECT policy of 005 to every change it sends, so a client hears only about
-- rallies where it holds a role. Safe to run again: adds the table only when it is not there yet
-- (and creates the publication if the project has none).

do $$
begin
    if not exists (select 1 from pg_catalog.pg_publication where pubname = 'supabase_realtime') then
        create publication supabase_realtime;
    end if;
    if not exists (select 1 from pg_catalog.pg_publication_tables
                   where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'domain_events') then
        alter publication supabase_realtime add table public.domain_events;
    end if;
end
$$;
