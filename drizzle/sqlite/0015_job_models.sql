ALTER TABLE `jobs` ADD `model` text DEFAULT 'bytedance/seedance-v1-lite-i2v-480p' NOT NULL;--> statement-breakpoint
ALTER TABLE `jobs` ADD `resolution` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `generate_audio` integer;