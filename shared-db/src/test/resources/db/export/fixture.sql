-- Objects and values that a dump must carry over exactly, on top of the packaged migrations.
CREATE SCHEMA billing;
CREATE TYPE billing.plan_tier AS ENUM ('free', 'pro', 'it''s enterprise');

CREATE TABLE billing.account (
    id bigserial PRIMARY KEY,
    owner_id text NOT NULL REFERENCES public."user" (id) ON DELETE CASCADE,
    tier billing.plan_tier NOT NULL DEFAULT 'free',
    tiers billing.plan_tier[],
    balance numeric(12, 2) NOT NULL DEFAULT 0 CHECK (balance >= -1000),
    ratio double precision,
    payload jsonb,
    blob bytea,
    tags text[],
    note text COLLATE "C",
    period tstzrange,
    created timestamptz NOT NULL DEFAULT now(),
    slug text GENERATED ALWAYS AS (lower(note)) STORED,
    CONSTRAINT account_owner_tier_unique UNIQUE (owner_id, tier) DEFERRABLE INITIALLY DEFERRED
);
COMMENT ON TABLE billing.account IS 'Billing accounts; it''s a test';
COMMENT ON COLUMN billing.account.balance IS 'In euros';
CREATE INDEX account_payload_idx ON billing.account USING gin (payload);
CREATE INDEX account_lower_note_idx ON billing.account (lower(note)) WHERE note IS NOT NULL;

CREATE TABLE billing."Invoice Line" (
    id integer GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5),
    account_id bigint NOT NULL,
    parent_id integer,
    "Amount" numeric NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY (account_id) REFERENCES billing.account (id),
    CONSTRAINT line_parent_fk FOREIGN KEY (parent_id) REFERENCES billing."Invoice Line" (id)
);
ALTER TABLE billing."Invoice Line" ADD CONSTRAINT positive_amount CHECK ("Amount" > 0) NOT VALID;

CREATE SEQUENCE public.ticket_seq START 1000 INCREMENT 7;
CREATE UNLOGGED TABLE public.scratch (k integer, v text);

-- Two tables that reference each other.
CREATE TABLE public.a_node (id integer PRIMARY KEY, b_id integer);
CREATE TABLE public.b_node (id integer PRIMARY KEY, a_id integer REFERENCES public.a_node (id));
ALTER TABLE public.a_node ADD FOREIGN KEY (b_id) REFERENCES public.b_node (id);

INSERT INTO public."user" (id, name, email) VALUES
    ('usr_1', 'Ann', 'ann@example.com'),
    ('usr_2', E'Bob\ttab\nnewline\\backslash\r', 'bob@example.com'),
    ('usr_3', 'Zoë 😀 ''quoted'' "double"', 'z@example.com');
INSERT INTO billing.account (owner_id, tier, tiers, balance, ratio, payload, blob, tags, note, period) VALUES
    ('usr_1', 'pro', '{free,pro}', 12.5, 1e-300, '{"a": [1, 2, {"b": null}], "s": "x\ny"}', '\x00ff10', '{"x y","z\"q"}',
     'Hello', '[2024-01-01,2024-02-01)'),
    ('usr_2', 'it''s enterprise', NULL, -3.25, 'NaN', NULL, NULL, '{}', NULL, NULL),
    ('usr_3', 'free', '{}', 0, 0.1, '[]', '', NULL, E'\\N', 'empty');
INSERT INTO billing."Invoice Line" (account_id, parent_id, "Amount") VALUES (1, NULL, 10), (1, 100, 0.5), (2, 105, 7);
INSERT INTO public.scratch VALUES (1, NULL), (2, E'\\N'), (3, ''), (4, E'\\.');
INSERT INTO public.scratch SELECT g, md5(g::text) FROM generate_series(5, 3000) g;
INSERT INTO public.a_node VALUES (1, NULL), (2, NULL);
INSERT INTO public.b_node VALUES (1, 1), (2, 2);
UPDATE public.a_node SET b_id = id;
SELECT nextval('public.ticket_seq');
SELECT nextval('public.ticket_seq');
