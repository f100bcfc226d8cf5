CREATE TABLE "upstream_uploads" (
	"sha256" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"uploaded_at" bigint NOT NULL
);
