-- Sign-in credentials for the sample users, dev only: every one signs in with the password "password123".
-- The value is a bcrypt hash (cost 10). Never add credentials to common/, sample/, staging/ or prod/.
INSERT INTO "identity" ("id", "account_id", "provider_id", "user_id", "password") VALUES
    ('idn_alice00000000000', 'usr_alice00000000000', 'credential', 'usr_alice00000000000', '$2a$10$j.H0.h2kyIgnNvIhXrZnVuFPGd9x53pr74Qo9Elaxx5N3hns1qUH2'),
    ('idn_bob0000000000000', 'usr_bob0000000000000', 'credential', 'usr_bob0000000000000', '$2a$10$j.H0.h2kyIgnNvIhXrZnVuFPGd9x53pr74Qo9Elaxx5N3hns1qUH2'),
    ('idn_charlie000000000', 'usr_charlie000000000', 'credential', 'usr_charlie000000000', '$2a$10$j.H0.h2kyIgnNvIhXrZnVuFPGd9x53pr74Qo9Elaxx5N3hns1qUH2'),
    ('idn_diana00000000000', 'usr_diana00000000000', 'credential', 'usr_diana00000000000', '$2a$10$j.H0.h2kyIgnNvIhXrZnVuFPGd9x53pr74Qo9Elaxx5N3hns1qUH2'),
    ('idn_eve0000000000000', 'usr_eve0000000000000', 'credential', 'usr_eve0000000000000', '$2a$10$j.H0.h2kyIgnNvIhXrZnVuFPGd9x53pr74Qo9Elaxx5N3hns1qUH2'),
    ('idn_frank00000000000', 'usr_frank00000000000', 'credential', 'usr_frank00000000000', '$2a$10$j.H0.h2kyIgnNvIhXrZnVuFPGd9x53pr74Qo9Elaxx5N3hns1qUH2'),
    ('idn_grace00000000000', 'usr_grace00000000000', 'credential', 'usr_grace00000000000', '$2a$10$j.H0.h2kyIgnNvIhXrZnVuFPGd9x53pr74Qo9Elaxx5N3hns1qUH2'),
    ('idn_henry00000000000', 'usr_henry00000000000', 'credential', 'usr_henry00000000000', '$2a$10$j.H0.h2kyIgnNvIhXrZnVuFPGd9x53pr74Qo9Elaxx5N3hns1qUH2'),
    ('idn_ivy0000000000000', 'usr_ivy0000000000000', 'credential', 'usr_ivy0000000000000', '$2a$10$j.H0.h2kyIgnNvIhXrZnVuFPGd9x53pr74Qo9Elaxx5N3hns1qUH2'),
    ('idn_jack000000000000', 'usr_jack000000000000', 'credential', 'usr_jack000000000000', '$2a$10$j.H0.h2kyIgnNvIhXrZnVuFPGd9x53pr74Qo9Elaxx5N3hns1qUH2')
ON CONFLICT DO NOTHING;
