-- Published rubric versions are immutable: feedback was written against them.
-- Enforced in the database as well as in the service, so no code path can rewrite history.
CREATE OR REPLACE FUNCTION calibrate_guard_published_rubric() RETURNS trigger AS $$
DECLARE
  rubric_id TEXT;
  rubric_status TEXT;
BEGIN
  IF TG_TABLE_NAME = 'RubricVersion' THEN
    IF OLD."status" = 'published' THEN
      RAISE EXCEPTION 'rubric version % is published and cannot change', OLD."version" USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  rubric_id := CASE WHEN TG_OP = 'INSERT' THEN NEW."rubricVersionId" ELSE OLD."rubricVersionId" END;
  SELECT "status" INTO rubric_status FROM "RubricVersion" WHERE "id" = rubric_id;
  IF rubric_status = 'published' THEN
    RAISE EXCEPTION 'rubric version % is published: its dimensions and flags cannot change', rubric_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "RubricVersion_published_immutable" BEFORE UPDATE OR DELETE ON "RubricVersion"
  FOR EACH ROW EXECUTE FUNCTION calibrate_guard_published_rubric();
CREATE TRIGGER "Dimension_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "Dimension"
  FOR EACH ROW EXECUTE FUNCTION calibrate_guard_published_rubric();
CREATE TRIGGER "FlagDefinition_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "FlagDefinition"
  FOR EACH ROW EXECUTE FUNCTION calibrate_guard_published_rubric();
