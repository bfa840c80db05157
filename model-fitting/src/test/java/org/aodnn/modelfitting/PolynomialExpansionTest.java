package org.aodnn.modelfitting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.aodnn.modelfitting.predictor.PolynomialExpansion;
import org.junit.jupiter.api.Test;

class PolynomialExpansionTest {

    @Test
    void twoInputsDegreeTwoGivesTheFiveMonomialsInOrder() {
        int[][] e = PolynomialExpansion.exponents(2, 2);
        assertEquals(5, e.length);
        assertArrayEquals(new int[] {1, 0}, e[0]);
        assertArrayEquals(new int[] {0, 1}, e[1]);
        assertArrayEquals(new int[] {2, 0}, e[2]);
        assertArrayEquals(new int[] {1, 1}, e[3]);
        assertArrayEquals(new int[] {0, 2}, e[4]);
        assertArrayEquals(new double[] {3, -2, 9, -6, 4}, PolynomialExpansion.expand(new double[] {3, -2}, e));
    }

    @Test
    void termCountMatchesTheEnumerationAndEveryTermIsDistinctWithDegreeAtMostK() {
        for (int d = 1; d <= 7; d++) {
            for (int k = 1; k <= 3; k++) {
                int[][] e = PolynomialExpansion.exponents(d, k);
                assertEquals(PolynomialExpansion.termCount(d, k), e.length, "D=" + d + " K=" + k);
                Set<String> seen = new HashSet<>();
                for (int[] row : e) {
                    int sum = 0;
                    for (int v : row) {
                        sum += v;
                    }
                    assertEquals(true, sum >= 1 && sum <= k);
                    assertEquals(true, seen.add(java.util.Arrays.toString(row)));
                }
            }
        }
        assertEquals(119, PolynomialExpansion.termCount(7, 3));
    }

    @Test
    void degreeThreeTermsMultiplyTheRightPowers() {
        int[][] e = PolynomialExpansion.exponents(3, 3);
        double[] z = {2, 3, 5};
        double[] t = PolynomialExpansion.expand(z, e);
        for (int j = 0; j < e.length; j++) {
            double expected = Math.pow(2, e[j][0]) * Math.pow(3, e[j][1]) * Math.pow(5, e[j][2]);
            assertEquals(expected, t[j], 0.0);
        }
    }

    @Test
    void negativeArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PolynomialExpansion.exponents(-1, 2));
    }
}
