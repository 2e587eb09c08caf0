package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The written claims rule (docs/STUDY.md): test, threshold and the minimum number of runs. */
class ClaimsRuleTest {

    private static PairedComparison pairs(int both, int onlyFirst, int onlySecond, int neither) {
        int n = both + onlyFirst + onlySecond + neither;
        boolean[] first = new boolean[n];
        boolean[] second = new boolean[n];
        int i = 0;
        for (int k = 0; k < both; k++, i++) {
            first[i] = true;
            second[i] = true;
        }
        for (int k = 0; k < onlyFirst; k++, i++) {
            first[i] = true;
        }
        for (int k = 0; k < onlySecond; k++, i++) {
            second[i] = true;
        }
        return PairedComparison.of("key", "none", "skip-exp", "total loss < 1e-2", first, second);
    }

    @Test
    void pairedClaimsFollowMcNemarAndNeedTenPairs() {
        assertEquals(Claim.TOO_FEW_RUNS, ClaimsRule.paired(pairs(0, 0, 9, 0)), "9 pairs, all in favour");
        assertEquals(Claim.SUPPORTED, ClaimsRule.paired(pairs(0, 0, 10, 0)));
        assertEquals(Claim.CONTRADICTED, ClaimsRule.paired(pairs(0, 10, 0, 0)));
        assertEquals(Claim.INCONCLUSIVE, ClaimsRule.paired(pairs(5, 3, 4, 8)));
        PairedComparison borderline = pairs(0, 1, 6, 10);
        assertTrue(borderline.pValue() >= ClaimsRule.ALPHA, "p = " + borderline.pValue());
        assertEquals(Claim.INCONCLUSIVE, ClaimsRule.paired(borderline));
    }

    @Test
    void shareAndZeroClaimsNeedTenRunsBehindThem() {
        assertEquals(Claim.TOO_FEW_RUNS, ClaimsRule.share(new Proportion(9, 9)));
        assertEquals(Claim.SUPPORTED, ClaimsRule.share(new Proportion(10, 10)));
        assertEquals(Claim.CONTRADICTED, ClaimsRule.share(new Proportion(0, 10)));
        assertEquals(Claim.INCONCLUSIVE, ClaimsRule.share(new Proportion(6, 10)));
        assertEquals(Claim.TOO_FEW_RUNS, ClaimsRule.none(0, 2), "the issue's 'supported from 0 of 2 runs'");
        assertEquals(Claim.SUPPORTED, ClaimsRule.none(0, 10));
        assertEquals(Claim.CONTRADICTED, ClaimsRule.none(1, 200));
        assertTrue(ClaimsRule.TEXT.contains("McNemar") && ClaimsRule.TEXT.contains("Wilson")
                && ClaimsRule.TEXT.contains("fewer than 10 runs"), ClaimsRule.TEXT);
    }
}
