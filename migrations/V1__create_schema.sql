-- The starter kit's schema as its Drizzle migration created it: names, types, defaults and constraint names
-- (including the odd "passkey_credentialID_unique") are kept verbatim.

CREATE TABLE "user" (
    "id" text PRIMARY KEY NOT NULL,
    "name" text NOT NULL,
    "email" text NOT NULL,
    "email_verified" boolean DEFAULT false NOT NULL,
    "image" text,
    "is_anonymous" boolean DEFAULT false NOT NULL,
    "stripe_customer_id" text,
    "created_at" timestamp with time zone DEFAULT now() NOT NULL,
    "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "user_email_unique" UNIQUE ("email")
);

CREATE TABLE "session" (
    "id" text PRIMARY KEY NOT NULL,
    "expires_at" timestamp with time zone NOT NULL,
    "token" text NOT NULL,
    "created_at" timestamp with time zone DEFAULT now() NOT NULL,
    "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
    "ip_address" text,
    "user_agent" text,
    "user_id" text NOT NULL,
    "active_organization_id" text,
    CONSTRAINT "session_token_unique" UNIQUE ("token")
);

CREATE TABLE "identity" (
    "id" text PRIMARY KEY NOT NULL,
    "account_id" text NOT NULL,
    "provider_id" text NOT NULL,
    "user_id" text NOT NULL,
    "access_token" text,
    "refresh_token" text,
    "id_token" text,
    "access_token_expires_at" timestamp with time zone,
    "refresh_token_expires_at" timestamp with time zone,
    "scope" text,
    "password" text,
    "created_at" timestamp with time zone DEFAULT now() NOT NULL,
    "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "identity_provider_account_unique" UNIQUE ("provider_id", "account_id")
);

CREATE TABLE "verification" (
    "id" text PRIMARY KEY NOT NULL,
    "identifier" text NOT NULL,
    "value" text NOT NULL,
    "expires_at" timestamp with time zone NOT NULL,
    "created_at" timestamp with time zone DEFAULT now() NOT NULL,
    "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "verification_identifier_value_unique" UNIQUE ("identifier", "value")
);

CREATE TABLE "organization" (
    "id" text PRIMARY KEY NOT NULL,
    "name" text NOT NULL,
    "slug" text NOT NULL,
    "logo" text,
    "metadata" text,
    "stripe_customer_id" text,
    "created_at" timestamp with time zone DEFAULT now() NOT NULL,
    "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "organization_slug_unique" UNIQUE ("slug")
);

CREATE TABLE "member" (
    "id" text PRIMARY KEY NOT NULL,
    "user_id" text NOT NULL,
    "organization_id" text NOT NULL,
    "role" text NOT NULL,
    "created_at" timestamp with time zone DEFAULT now() NOT NULL,
    "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "member_user_org_unique" UNIQUE ("user_id", "organization_id")
);

CREATE TABLE "invitation" (
    "id" text PRIMARY KEY NOT NULL,
    "email" text NOT NULL,
    "inviter_id" text NOT NULL,
    "organization_id" text NOT NULL,
    "role" text NOT NULL,
    "status" text DEFAULT 'pending' NOT NULL,
    "expires_at" timestamp with time zone NOT NULL,
    "accepted_at" timestamp with time zone,
    "rejected_at" timestamp with time zone,
    "created_at" timestamp with time zone DEFAULT now() NOT NULL,
    "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "invitation_org_email_unique" UNIQUE ("organization_id", "email")
);

CREATE TABLE "passkey" (
    "id" text PRIMARY KEY NOT NULL,
    "name" text,
    "public_key" text NOT NULL,
    "user_id" text NOT NULL,
    "credential_id" text NOT NULL,
    "counter" integer DEFAULT 0 NOT NULL,
    "device_type" text NOT NULL,
    "backed_up" boolean NOT NULL,
    "transports" text,
    "aaguid" text,
    "last_used_at" timestamp with time zone,
    "device_name" text,
    "platform" text,
    "created_at" timestamp with time zone DEFAULT now() NOT NULL,
    "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "passkey_credentialID_unique" UNIQUE ("credential_id")
);

CREATE TABLE "subscription" (
    "id" text PRIMARY KEY NOT NULL,
    "plan" text NOT NULL,
    "reference_id" text NOT NULL,
    "stripe_customer_id" text,
    "stripe_subscription_id" text,
    "status" text DEFAULT 'incomplete' NOT NULL,
    "period_start" timestamp with time zone,
    "period_end" timestamp with time zone,
    "trial_start" timestamp with time zone,
    "trial_end" timestamp with time zone,
    "cancel_at_period_end" boolean DEFAULT false,
    "cancel_at" timestamp with time zone,
    "canceled_at" timestamp with time zone,
    "ended_at" timestamp with time zone,
    "seats" integer,
    "billing_interval" text,
    "group_id" text,
    "created_at" timestamp with time zone DEFAULT now() NOT NULL,
    "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "subscription_stripeSubscriptionId_unique" UNIQUE ("stripe_subscription_id")
);

ALTER TABLE "identity" ADD CONSTRAINT "identity_user_id_user_id_fk" FOREIGN KEY ("user_id")
    REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_inviter_id_user_id_fk" FOREIGN KEY ("inviter_id")
    REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_organization_id_organization_id_fk" FOREIGN KEY ("organization_id")
    REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "member" ADD CONSTRAINT "member_user_id_user_id_fk" FOREIGN KEY ("user_id")
    REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "member" ADD CONSTRAINT "member_organization_id_organization_id_fk" FOREIGN KEY ("organization_id")
    REFERENCES "organization" ("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "passkey" ADD CONSTRAINT "passkey_user_id_user_id_fk" FOREIGN KEY ("user_id")
    REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id")
    REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION;

CREATE INDEX "identity_user_id_idx" ON "identity" USING btree ("user_id");
CREATE INDEX "invitation_email_idx" ON "invitation" USING btree ("email");
CREATE INDEX "invitation_inviter_id_idx" ON "invitation" USING btree ("inviter_id");
CREATE INDEX "invitation_organization_id_idx" ON "invitation" USING btree ("organization_id");
CREATE INDEX "member_user_id_idx" ON "member" USING btree ("user_id");
CREATE INDEX "member_organization_id_idx" ON "member" USING btree ("organization_id");
CREATE INDEX "passkey_user_id_idx" ON "passkey" USING btree ("user_id");
CREATE INDEX "session_user_id_idx" ON "session" USING btree ("user_id");
CREATE INDEX "session_active_org_id_idx" ON "session" USING btree ("active_organization_id");
CREATE INDEX "subscription_reference_id_idx" ON "subscription" USING btree ("reference_id");
CREATE INDEX "subscription_stripe_customer_id_idx" ON "subscription" USING btree ("stripe_customer_id");
CREATE INDEX "verification_identifier_idx" ON "verification" USING btree ("identifier");
CREATE INDEX "verification_value_idx" ON "verification" USING btree ("value");
CREATE INDEX "verification_expires_at_idx" ON "verification" USING btree ("expires_at");
