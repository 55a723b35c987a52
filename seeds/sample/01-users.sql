-- The original starter kit's ten sample users. Charlie, Frank and Ivy have not verified their email.
-- No sign-in credentials here: those come with the auth issue, for dev and test only.
INSERT INTO "user" ("id", "name", "email", "email_verified") VALUES
    ('usr_alice00000000000', 'Alice Johnson', 'alice@example.com', true),
    ('usr_bob0000000000000', 'Bob Smith', 'bob@example.com', true),
    ('usr_charlie000000000', 'Charlie Brown', 'charlie@example.com', false),
    ('usr_diana00000000000', 'Diana Prince', 'diana@example.com', true),
    ('usr_eve0000000000000', 'Eve Davis', 'eve@example.com', true),
    ('usr_frank00000000000', 'Frank Miller', 'frank@example.com', false),
    ('usr_grace00000000000', 'Grace Lee', 'grace@example.com', true),
    ('usr_henry00000000000', 'Henry Wilson', 'henry@example.com', true),
    ('usr_ivy0000000000000', 'Ivy Chen', 'ivy@example.com', false),
    ('usr_jack000000000000', 'Jack Thompson', 'jack@example.com', true)
ON CONFLICT DO NOTHING;
