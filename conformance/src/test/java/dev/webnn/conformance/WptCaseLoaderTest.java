package dev.webnn.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.MLOperandDataType;
import dev.webnn.conformance.WptCase.WptOperator;
import dev.webnn.conformance.WptCase.WptTensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reading the WPT JSON format into {@link WptCase}s with exact numbers. */
class WptCaseLoaderTest {

    /** A uint4 case: three values, packed into two bytes. */
    private static final String U4_CASE = """
            {"tests": [{"name": "u4", "graph": {
              "inputs": {"x": {"data": [15, 0, 7], "descriptor": {"shape": [3], "dataType": "uint4"}}},
              "operators": [{"name": "dequantizeLinear", "arguments": [{"input": "x"}], "outputs": "y"}],
              "expectedOutputs": {"y": {"data": [1, 2, 3], "descriptor": {"shape": [3], "dataType": "float32"}}}}}]}
            """;


    private static final String SPLIT_CASE = """
            {"operation": "split", "tests": [{
              "name": "split uint64",
              "graph": {
                "inputs": {
                  "x": {"data": [18446744073709551615, "9007199254740993n", 0, 1],
                        "descriptor": {"shape": [4], "dataType": "uint64"}, "constant": true},
                  "y": {"data": -0.0, "descriptor": {"dimensions": [2, 3], "dataType": "float16"}}
                },
                "operators": [{"name": "split",
                               "arguments": [{"input": "x"}, {"splits": [3, 1]}, {"options": {"axis": 0, "none": null}}],
                               "outputs": ["o1", "o2"]}],
                "expectedOutputs": {
                  "o1": {"data": [1.5, 2, 3], "descriptor": {"shape": [3], "dataType": "uint64"}},
                  "o2": {"data": [1], "descriptor": {"shape": [1], "dataType": "uint64"}}
                }
              }
            }]}
            """;

    @Test
    void readsTensorsWithExactNumbers() {
        WptCase c = WptCaseLoader.cases("split.json", SPLIT_CASE).get(0);
        assertEquals("split.json", c.file());
        assertEquals("split", c.operation());
        assertEquals("split uint64", c.name());
        assertNull(c.problem());
        WptTensor x = c.inputs().get("x");
        assertEquals(MLOperandDataType.UINT64, x.dataType());
        assertArrayEquals(new long[] {4}, x.shape());
        assertTrue(x.constant());
        assertFalse(x.fill());
        assertEquals(List.of(new BigInteger("18446744073709551615"), new BigInteger("9007199254740993"), BigInteger.ZERO,
                BigInteger.ONE), x.values());
        assertEquals(MLOperandDataType.UINT64, c.outputDataType());
        assertEquals(new BigDecimal("1.5"), c.expectedOutputs().get("o1").values().get(0));
    }

    @Test
    void aSingleNumberIsTheFillFormAndNegativeZeroKeepsItsSign() {
        WptTensor y = WptCaseLoader.cases("split.json", SPLIT_CASE).get(0).inputs().get("y");
        assertTrue(y.fill());
        assertFalse(y.constant(), "no \"constant\" means a graph input");
        assertArrayEquals(new long[] {2, 3}, y.shape(), "the older \"dimensions\" key is read too");
        assertEquals(6, y.elementCount());
        Object value = y.value(5);
        assertEquals(Double.class, value.getClass());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) value));
    }

    @Test
    void separatesPositionalArgumentsFromOptions() {
        WptOperator split = WptCaseLoader.cases("split.json", SPLIT_CASE).get(0).operators().get(0);
        assertEquals(List.of("o1", "o2"), split.outputs());
        assertEquals(List.of("input", "splits"), split.positional().stream().map(WptCase.Argument::name).toList());
        assertEquals("x", split.argument("input"));
        assertEquals(BigInteger.ZERO, split.option("axis"));
        assertTrue(split.options().containsKey("none"));
        assertNull(split.option("none"));
        assertNull(split.argument("options"), "options is not a positional argument");
    }

    @Test
    void nullDataMakesTheCaseNotRunnable() {
        String json = """
                {"tests": [{"name": "inf", "graph": {
                  "inputs": {"x": {"data": [null, 1], "descriptor": {"shape": [2], "dataType": "float32"}}},
                  "operators": [{"name": "relu", "arguments": [{"input": "x"}], "outputs": "y"}],
                  "expectedOutputs": {"y": {"data": [null, 1], "descriptor": {"shape": [2], "dataType": "float32"}}}}}]}
                """;
        WptCase c = WptCaseLoader.cases("relu.json", json).get(0);
        assertEquals("the data of 'x' holds null (a NaN or infinity that the JSON conversion could not keep)", c.problem());
        assertEquals(List.of("y"), c.operators().get(0).outputs());
    }

    @Test
    void malformedCasesNameTheFileAndCase() {
        String json = """
                {"tests": [{"name": "broken", "graph": {"inputs": {}, "operators": [], "expectedOutputs": {}}}]}
                """;
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> WptCaseLoader.cases("b.json", json));
        assertEquals("b.json, case 'broken': a case needs operators and expected outputs", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WptCaseLoader.parse("{\"a\": }"));
    }

    @Test
    void nonFiniteStringsBigIntStringsAndToleranceOverrides() {
        String json = """
                {"tests": [{"name": "s", "tolerance": {"metricType": "ATOL", "value": 0.0078125}, "graph": {
                  "inputs": {"x": {"data": ["NaN", "Infinity", "-Infinity", -0.0], "descriptor": {"shape": [4], "dataType": "float32"}},
                             "i": {"data": ["-9223372036854775808", "18446744073709551615"], "descriptor": {"shape": [2], "dataType": "uint64"}},
                             "f": {"data": "-Infinity", "descriptor": {"shape": [3], "dataType": "float16"}}},
                  "operators": [{"name": "relu", "arguments": [{"input": "x"}], "outputs": "y"}],
                  "expectedOutputs": {"y": {"data": ["NaN", "Infinity", 0, 0], "descriptor": {"shape": [4], "dataType": "float32"}}}}}]}
                """;
        WptCase c = WptCaseLoader.cases("s.json", json).get(0);
        assertNull(c.problem());
        assertEquals(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0d), c.inputs().get("x").values());
        assertEquals(List.of(new BigInteger("-9223372036854775808"), new BigInteger("18446744073709551615")),
                c.inputs().get("i").values());
        WptTensor fill = c.inputs().get("f");
        assertTrue(fill.fill());
        assertEquals(Double.NEGATIVE_INFINITY, fill.value(2));
        assertEquals(new Tolerance.Budget(Tolerance.Metric.ATOL, 0.0078125), c.tolerance());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> WptCaseLoader.cases("b.json",
                json.replace("\"NaN\", \"Infinity\", \"-Infinity\"", "\"nan\", 1, 2")));
        assertEquals("b.json, case 's': tensor data holds the string \"nan\"", bad.getMessage());
    }

    @Test
    void anUnknownDataTypeKeepsTheCaseAsNotRunnable() {
        WptCase c = WptCaseLoader.cases("d.json", U4_CASE.replace("uint4", "float8")).get(0);
        assertEquals("dequantizeLinear", c.operation());
        assertEquals("data type float8 is not an MLOperandDataType", c.problem());
        assertTrue(c.inputs().isEmpty());
    }

    /** uint4 and int4, beyond the spec snapshot, load like any type; their data packs two values per byte. */
    @Test
    void fourBitTensorsLoadAndPackLowNibbleFirst() {
        WptCase c = WptCaseLoader.cases("d.json", U4_CASE).get(0);
        assertNull(c.problem());
        WptTensor x = c.inputs().get("x");
        assertEquals(MLOperandDataType.UINT4, x.dataType());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = WptData.encode(x, arena);
            assertArrayEquals(new byte[] {(byte) 0x0F, 0x07}, data.toArray(ValueLayout.JAVA_BYTE));
            assertEquals(BigInteger.valueOf(15), WptData.readInteger(data, MLOperandDataType.UINT4, 0));
            assertEquals(BigInteger.valueOf(7), WptData.readInteger(data, MLOperandDataType.UINT4, 2));
            MemorySegment signed = arena.allocate(1);
            WptData.write(signed, MLOperandDataType.INT4, 0, 3);
            WptData.write(signed, MLOperandDataType.INT4, 1, -8);
            assertEquals((byte) 0x83, signed.get(ValueLayout.JAVA_BYTE, 0));
            assertEquals(BigInteger.valueOf(-8), WptData.readInteger(signed, MLOperandDataType.INT4, 1));
            // WPT's 4-bit data are 8-bit integers of which the low nibble counts
            WptData.write(signed, MLOperandDataType.INT4, 0, 10);
            assertEquals(BigInteger.valueOf(-6), WptData.readInteger(signed, MLOperandDataType.INT4, 0));
        }
    }

    @Test
    void loadsEverySharedFile() {
        for (String suite : WptCaseLoader.SUITES) {
            Optional<Path> folder = WptCaseLoader.folder(suite).filter(Files::isDirectory);
            Assumptions.assumeTrue(folder.isPresent(), "WPT cases not found (set -Dwebnn.shared)");
            List<WptCase> cases = WptCaseLoader.loadAll(folder.get());
            assertFalse(cases.isEmpty(), suite);
            assertTrue(cases.stream().filter(c -> c.problem() != null).allMatch(c -> c.operation().equals("clamp")
                    || c.problem().startsWith("data type ")), "only the old clamp cases lose data");
        }
    }
}
