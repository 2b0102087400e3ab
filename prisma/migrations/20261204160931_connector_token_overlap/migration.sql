-- AlterTable
ALTER TABLE "Connector" ADD COLUMN     "previousTokenExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "previousTokenHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Connector_previousTokenHash_key" ON "Connector"("previousTokenHash");

-- Hand-written: a CloudEvents source belongs to one connector (DESIGN.md §5: the sender
-- must own the event's source). A unique index cannot span array elements, so a trigger
-- enforces it. The advisory lock serialises writers of "sources"; the check runs after
-- it, so it sees every committed claim. The error is a unique_violation naming
-- "Connector_sources_key", which the application maps to 409.
CREATE FUNCTION "threadline_connector_sources_unique"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  taken TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('threadline:Connector.sources'));
  SELECT s INTO taken
    FROM "Connector" c, unnest(c."sources") AS s
   WHERE c."id" <> NEW."id" AND c."sources" && NEW."sources" AND s = ANY (NEW."sources")
   LIMIT 1;
  IF taken IS NOT NULL THEN
    RAISE EXCEPTION 'Key (sources)=(%) already exists.', taken
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'Connector_sources_key', TABLE = 'Connector',
            DETAIL = format('Key (sources)=(%s) already exists.', taken);
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Connector_sources_unique"
  BEFORE INSERT OR UPDATE OF "sources" ON "Connector"
  FOR EACH ROW EXECUTE FUNCTION "threadline_connector_sources_unique"();
