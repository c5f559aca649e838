package dev.webnn.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accuracy a product of dynamically quantized activations and quantized weights must
 * reach: the activations' rounding to 8-bit integers is its only error.
 */
public final class QuantizedProducts {

    private QuantizedProducts() {
    }

    /**
     * Asserts that {@code y = x × w} was computed with x rounded to 8-bit integers and w
     * exact: each element within half a quantization step (255 steps over the range of x's row,
     * or of all of x, 0 included) times its column's sum of |w|, plus 1e-5, of the product in
     * double.
     *
     * @param x the activations, [rows, depth]
     * @param w the dequantized weights, [depth, columns]
     * @param rows the rows of x
     * @param depth the columns of x
     * @param columns the columns of w
     * @param perRow whether each row of x had its own scale (else one for all of x)
     * @param y the product computed, [rows, columns]
     * @param where names the computation in messages
     * @return the largest error
     */
    public static double assertWithinActivationRounding(float[] x, double[] w, int rows, int depth, int columns,
                                                        boolean perRow, float[] y, String where) {
        double largest = 0;
        for (int m = 0; m < rows; m++) {
            double min = 0;
            double max = 0;
            for (int i = perRow ? m * depth : 0; i < (perRow ? (m + 1) * depth : x.length); i++) {
                min = Math.min(min, x[i]);
                max = Math.max(max, x[i]);
            }
            double halfStep = (max - min) / 255 / 2;
            for (int n = 0; n < columns; n++) {
                double expected = 0;
                double sumAbs = 0;
                for (int k = 0; k < depth; k++) {
                    expected += x[m * depth + k] * w[k * columns + n];
                    sumAbs += Math.abs(w[k * columns + n]);
                }
                double error = Math.abs(expected - y[m * columns + n]);
                assertTrue(error <= halfStep * sumAbs + 1e-5, where + ": y[" + m + "][" + n + "] off by " + error);
                largest = Math.max(largest, error);
            }
        }
        return largest;
    }
}
