-- Test seed (every stage): idempotent, like the real ones.
INSERT INTO "user" (id, name, email) VALUES ('usr_seedcommon000001', 'Common Seed', 'common@seed.test')
ON CONFLICT DO NOTHING;
