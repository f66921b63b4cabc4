package org.aibase.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class VersionRangeTest {

    @Test
    void eachOperatorComparesNumerically() {
        SemanticVersion v = new SemanticVersion(1, 10, 0);
        assertTrue(includes(">=1.9.0", v));
        assertTrue(includes(">1.9.99", v));
        assertFalse(includes(">1.10.0", v));
        assertTrue(includes("<=1.10.0", v));
        assertFalse(includes("<1.10.0", v));
        assertTrue(includes("=1.10.0", v));
        assertTrue(includes("1.10.0", v));
        assertFalse(includes("=1.2.0", v));
    }

    @Test
    void spaceSeparatedComparisonsMustAllHold() {
        assertTrue(includes(">=1.2.0 <2.0.0", new SemanticVersion(1, 2, 0)));
        assertFalse(includes(">=1.2.0 <2.0.0", new SemanticVersion(2, 0, 0)));
        assertFalse(includes(">=1.2.0 <2.0.0", new SemanticVersion(1, 1, 9)));
        assertTrue(includes(">= 1.2.0  < 2.0.0", new SemanticVersion(1, 5, 0)), "spaces after operators are tolerated");
    }

    @Test
    void theEmptyRangeAcceptsEverything() {
        assertTrue(includes("", new SemanticVersion(0, 0, 1)));
    }

    @Test
    void refusesMalformedRanges() {
        for (String bad : new String[] {"^1.0.0", "~1.0.0", ">=1.0", ">=x", "1.0.0 - 2.0.0", "=>1.0.0", ">=1.0.0,<2.0.0"}) {
            assertEquals(Optional.empty(), VersionRange.parse(bad), bad);
        }
    }

    @Test
    void readsOsgiVersionsLeniently() {
        assertEquals(Optional.of(new SemanticVersion(1, 0, 0)), SemanticVersion.parseOsgi("1.0.0.SNAPSHOT"));
        assertEquals(Optional.of(new SemanticVersion(2, 0, 0)), SemanticVersion.parseOsgi("2"));
        assertEquals(Optional.empty(), SemanticVersion.parse("1.0"));
    }

    private static boolean includes(String range, SemanticVersion version) {
        return VersionRange.parse(range).orElseThrow(() -> new AssertionError(range)).includes(version);
    }
}
