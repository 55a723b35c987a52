-- Test seed (dev, test, staging only): idempotent.
INSERT INTO "user" (id, name, email) VALUES ('usr_seedsample000001', 'Sample Seed', 'sample@seed.test')
ON CONFLICT DO NOTHING;
