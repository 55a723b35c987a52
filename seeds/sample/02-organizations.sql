-- Three organizations with owners, admins and members (Diana belongs to two, Jack to none),
-- and one pending invitation of Jack to Acme.
INSERT INTO "organization" ("id", "name", "slug") VALUES
    ('org_acme000000000000', 'Acme Inc.', 'acme'),
    ('org_globex0000000000', 'Globex Corporation', 'globex'),
    ('org_initech000000000', 'Initech', 'initech')
ON CONFLICT DO NOTHING;

INSERT INTO "member" ("id", "organization_id", "user_id", "role") VALUES
    ('mem_acmealice0000000', 'org_acme000000000000', 'usr_alice00000000000', 'owner'),
    ('mem_acmebob000000000', 'org_acme000000000000', 'usr_bob0000000000000', 'admin'),
    ('mem_acmecharlie00000', 'org_acme000000000000', 'usr_charlie000000000', 'member'),
    ('mem_acmediana0000000', 'org_acme000000000000', 'usr_diana00000000000', 'member'),
    ('mem_globexeve0000000', 'org_globex0000000000', 'usr_eve0000000000000', 'owner'),
    ('mem_globexfrank00000', 'org_globex0000000000', 'usr_frank00000000000', 'admin'),
    ('mem_globexgrace00000', 'org_globex0000000000', 'usr_grace00000000000', 'member'),
    ('mem_globexdiana00000', 'org_globex0000000000', 'usr_diana00000000000', 'member'),
    ('mem_initechhenry0000', 'org_initech000000000', 'usr_henry00000000000', 'owner'),
    ('mem_initechivy000000', 'org_initech000000000', 'usr_ivy0000000000000', 'member')
ON CONFLICT DO NOTHING;

-- Expires a week after the first seeding; seeding again leaves it as it is.
INSERT INTO "invitation" ("id", "organization_id", "email", "role", "inviter_id", "status", "expires_at") VALUES
    ('inv_acmejack00000000', 'org_acme000000000000', 'jack@example.com', 'member', 'usr_alice00000000000', 'pending',
     now() + interval '7 days')
ON CONFLICT DO NOTHING;
