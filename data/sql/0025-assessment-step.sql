-- 0025-assessment-step.sql — the step of the assessment wizard a draft was left at
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 7, 3: an assessment is left and resumed at any time, and opening a
-- draft again continues at the step where the worker was. The step is
-- saved with the draft's fields (KhAssessment.current_step,
-- KhAssessmentStep 0–5: start, the client's view, life areas, special
-- support, conclusions, review); a finished version keeps the one it had.
-- Keep in sync with src/core/kh-assessment.h and data/sql/pg/0017-assessment-step.sql.

ALTER TABLE assessments ADD COLUMN step INTEGER NOT NULL DEFAULT 0 CHECK (step BETWEEN 0 AND 5);
