-- Versions are immutable (docs/decisions/006-variant-versions.md): the app never updates or deletes them, and
-- these triggers make the database refuse it too, whoever connects. Variants are never deleted either.
CREATE TRIGGER `variant_versions_no_update` BEFORE UPDATE ON `variant_versions`
BEGIN
	SELECT RAISE(ABORT, 'variant versions are immutable: save a new version instead');
END;
--> statement-breakpoint
CREATE TRIGGER `variant_versions_no_delete` BEFORE DELETE ON `variant_versions`
BEGIN
	SELECT RAISE(ABORT, 'variant versions are immutable: they are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `variants_no_delete` BEFORE DELETE ON `variants`
BEGIN
	SELECT RAISE(ABORT, 'variants are never deleted');
END;
