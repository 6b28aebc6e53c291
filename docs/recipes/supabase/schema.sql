-- encounter-survey → Supabase (PostgREST): one row per response, each response once.
-- Run in the SQL editor. Survey config (README.md next to this file):
--   "endpoint": "https://<project>.supabase.co/rest/v1/survey_responses",
--   "delivery": { "profile": "postgrest",
--                 "headers": { "apikey": "<anon key>", "Authorization": "Bearer <anon key>" },
--                 "fields": { "id": "response_id", "survey.id": "survey_id", "survey.version": "survey_version",
--                             "submittedAt": "submitted_at", "answers.support": "support", "answers.helpful": "helpful",
--                             "tags.site": "site" } }
-- The anon key is public by design (it is in the page); the policy below is what protects the data:
-- the page may insert, never read, change or delete.

create table if not exists public.survey_responses (
  response_id    uuid primary key,          -- the response id: a retried send is skipped, not stored twice
  survey_id      text not null,
  survey_version text not null,
  submitted_at   timestamptz not null,      -- already coarsened to the survey's time bucket
  locale         text,
  support        text[],                    -- a multiple choice arrives as a JSON array
  helpful        smallint,
  site           text,
  received_at    timestamptz not null default now()
);

alter table public.survey_responses enable row level security;

-- Insert only. No select policy: the page cannot read responses back (not even its own), and with
-- "Prefer: resolution=ignore-duplicates" a duplicate id is skipped (ON CONFLICT DO NOTHING), answered 201.
drop policy if exists "survey pages insert responses" on public.survey_responses;
create policy "survey pages insert responses" on public.survey_responses
  for insert to anon with check (true);

grant insert on public.survey_responses to anon;
revoke select, update, delete on public.survey_responses from anon;
