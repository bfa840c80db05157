package org.aodnn.modelfitting.predictor;

import java.util.ArrayList;
import java.util.List;

/**
 * The polynomial terms of Eq. 1: every monomial prod_i z_i^e_i with 1 <= sum_i e_i <= K over D inputs.
 * Smile has no such transform; the exponent table is stored in the predictor so an evaluator needs no
 * knowledge of how it was generated.
 */
public final class PolynomialExpansion {

    private PolynomialExpansion() {
    }

    /** All exponent vectors of total degree 1..degree, ordered by degree, then lexicographically descending. */
    public static int[][] exponents(int inputs, int degree) {
        if (inputs < 0 || degree < 0) {
            throw new IllegalArgumentException("inputs and degree must be non-negative");
        }
        List<int[]> terms = new ArrayList<>();
        for (int d = 1; d <= degree; d++) {
            collect(new int[inputs], 0, d, terms);
        }
        return terms.toArray(new int[0][]);
    }

    private static void collect(int[] current, int position, int remaining, List<int[]> out) {
        if (position == current.length - 1) {
            current[position] = remaining;
            out.add(current.clone());
            current[position] = 0;
            return;
        }
        if (current.length == 0) {
            return;
        }
        for (int e = remaining; e >= 0; e--) {
            current[position] = e;
            collect(current, position + 1, remaining - e, out);
        }
        current[position] = 0;
    }

    /** Number of terms of degree 1..degree over the given inputs: C(inputs + degree, degree) - 1. */
    public static long termCount(int inputs, int degree) {
        long c = 1;
        for (int i = 1; i <= degree; i++) {
            c = c * (inputs + i) / i;
        }
        return c - 1;
    }

    /** Evaluates the terms for one input vector (integer powers by repeated multiplication: exact and portable). */
    public static double[] expand(double[] z, int[][] exponents) {
        double[] out = new double[exponents.length];
        for (int j = 0; j < exponents.length; j++) {
            out[j] = term(z, exponents[j]);
        }
        return out;
    }

    public static double term(double[] z, int[] exponent) {
        double t = 1.0;
        for (int i = 0; i < exponent.length; i++) {
            for (int k = 0; k < exponent[i]; k++) {
                t *= z[i];
            }
        }
        return t;
    }
}
