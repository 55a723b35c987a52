-- A valid seed that runs before the broken one: it must not survive the failed run.
INSERT INTO "user" ("id", "name", "email") VALUES ('usr_failing000000000', 'Failing Seed', 'failing@example.com')
ON CONFLICT DO NOTHING;
