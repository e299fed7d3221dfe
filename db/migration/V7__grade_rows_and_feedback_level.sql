-- Feedback per row of a grid answer (how many cells are wrong, and the rule behind the row), and the level a
-- student sees the grade at (CELLS, ROWS or SCORE): instructors always read every cell.
ALTER TABLE submissions
    ADD COLUMN row_grades     jsonb NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN feedback_level text  NOT NULL DEFAULT 'CELLS'
        CHECK (feedback_level IN ('CELLS', 'ROWS', 'SCORE'));
