package dev.faultlab.lab;

/**
 * How much a student learns from a graded attempt before the answer is revealed: which cells are wrong
 * ({@code CELLS}), how many are wrong in each row ({@code ROWS}, for grids where marking a wrong cell hands
 * over its answer, such as ATTACK/RETREAT), or only the score ({@code SCORE}). Instructors always see every cell.
 */
public enum FeedbackLevel { CELLS, ROWS, SCORE }
