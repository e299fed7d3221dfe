package dev.faultlab.key;

/**
 * Why a cell or a row of a grid holds what it holds, as the rule the student has to apply ("P6 is a
 * traitor: what it tells P3 comes from its lie table"), never the value itself: feedback on a wrong cell
 * or row names the rule that was broken.
 */
public interface GridReasons {
    GridReasons GENERIC = new GridReasons() {
        @Override
        public String cell(String cell) {
            return "not what the run gives";
        }

        @Override
        public String row(String row) {
            return "some cells are not what the run gives";
        }
    };

    /** The rule that gives the cell "row/column". */
    String cell(String cell);

    /** The rule that gives the row's cells, without saying which cell follows which part of it. */
    String row(String row);
}
