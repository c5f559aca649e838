package dev.webnn;

/**
 * Minimum and maximum supported rank (spec: {@code MLRankRange}).
 *
 * @param min the smallest rank
 * @param max the largest rank
 */
public record MLRankRange(int min, int max) {

    /**
     * Checks the range.
     *
     * @throws IllegalArgumentException if {@code min} is negative or above {@code max}
     */
    public MLRankRange {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("invalid rank range [" + min + ", " + max + "]");
        }
    }

    /**
     * Whether a rank lies in the range.
     *
     * @param rank the rank
     * @return true if {@code min <= rank <= max}
     */
    public boolean contains(int rank) {
        return rank >= min && rank <= max;
    }
}
