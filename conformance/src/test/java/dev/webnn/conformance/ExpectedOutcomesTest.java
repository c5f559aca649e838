package dev.webnn.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.webnn.conformance.CaseRunner.Outcome;
import dev.webnn.conformance.CaseRunner.Result;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The committed expected-outcome lists: parsing, both directions of a departure, regeneration. */
class ExpectedOutcomesTest {

    private static final ExpectedOutcomes LIST = ExpectedOutcomes.parse("b", """
            # comment

            gru case\tunsupported\toperator gru is not in the backend's opSupportLimits()
            odd case\tfailing\tspec issue #935
            """);

    @Test
    void aCaseNotListedMustPass() {
        assertEquals(Optional.empty(), LIST.violation("add", Result.of(Outcome.PASSED, "")));
        assertEquals(Optional.of("newly unsupported (not in expected/wpt-b.txt): MLNotSupportedError: no"),
                LIST.violation("add", Result.of(Outcome.UNSUPPORTED, "MLNotSupportedError: no")));
        assertEquals(Optional.of("newly failing (not in expected/wpt-b.txt): computing failed: boom"),
                LIST.violation("add", Result.of(Outcome.FAILED, "computing failed: boom")));
    }

    @Test
    void aListedCaseMustEndAsListed() {
        assertEquals(Optional.empty(), LIST.violation("gru case", Result.of(Outcome.UNSUPPORTED, "whatever")));
        assertEquals(Optional.empty(), LIST.violation("odd case", Result.of(Outcome.FAILED, "x")));
        assertEquals(Optional.of("passes now but expected/wpt-b.txt lists it as unsupported (operator gru is not in the"
                + " backend's opSupportLimits()): remove the line"), LIST.violation("gru case", Result.of(Outcome.PASSED, "")));
        assertEquals(Optional.of("now failing but expected/wpt-b.txt lists it as unsupported (operator gru is not in the"
                + " backend's opSupportLimits()): wrong"), LIST.violation("gru case", Result.of(Outcome.FAILED, "wrong")));
        assertEquals(Set.of("odd case"), LIST.staleNames(Set.of("gru case", "add")));
    }

    @Test
    void malformedListsAreRejected() {
        assertEquals("wpt-b.txt line 1: expected '<case name> TAB <outcome> TAB <reason>': a\tunsupported",
                assertThrows(IllegalArgumentException.class, () -> ExpectedOutcomes.parse("b", "a\tunsupported")).getMessage());
        assertEquals("wpt-b.txt line 1: unknown outcome 'passed' (unsupported, failing or not-runnable)",
                assertThrows(IllegalArgumentException.class, () -> ExpectedOutcomes.parse("b", "a\tpassed\tr")).getMessage());
        assertEquals("wpt-b.txt line 2: 'a' is listed twice", assertThrows(IllegalArgumentException.class,
                () -> ExpectedOutcomes.parse("b", "a\tfailing\tr\na\tfailing\tr")).getMessage());
    }

    @Test
    void regenerationKeepsReasonsOfUnchangedOutcomes() {
        Map<String, Result> results = new LinkedHashMap<>();
        results.put("odd case", Result.of(Outcome.FAILED, "outside the tolerance: 'y'\n  [0] ..."));
        results.put("gru case", Result.of(Outcome.PASSED, ""));
        results.put("new case", Result.of(Outcome.UNSUPPORTED, "operator x is not in\tthe limits"));
        String text = LIST.regenerated(results);
        assertEquals("""
                new case\tunsupported\toperator x is not in the limits
                odd case\tfailing\tspec issue #935
                """, text.substring(text.indexOf("\n", text.indexOf("\n") + 1) + 1));
        assertEquals(2, ExpectedOutcomes.parse("b", text).entries().size());
    }
}
