-- A valid insert, then a statement that fails (the member's organization does not exist).
INSERT INTO "organization" ("id", "name", "slug") VALUES ('org_failing000000000', 'Failing', 'failing')
ON CONFLICT DO NOTHING;
INSERT INTO "member" ("id", "organization_id", "user_id", "role")
VALUES ('mem_failing000000000', 'org_missing000000000', 'usr_failing000000000', 'owner');
