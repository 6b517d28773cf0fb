-- A deactivated interviewer is taken off their open rounds: the round keeps its
-- slot and the change is recorded as "unassigned" (with who, when and why).
ALTER TABLE "RoundChange" DROP CONSTRAINT "RoundChange_kind_known";
ALTER TABLE "RoundChange" ADD CONSTRAINT "RoundChange_kind_known"
  CHECK ("kind" IN ('planned', 'scheduled', 'rescheduled', 'cancelled', 'unassigned'));
