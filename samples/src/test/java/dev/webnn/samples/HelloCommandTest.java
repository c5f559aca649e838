package dev.webnn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hello} prints the classic example's eight 2.25 on every backend. */
class HelloCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"onnxruntime", "xnnpack"})
    void printsTwoPointTwoFiveEightTimesOnEveryBackend(String backend) {
        Samples.Result result = Samples.run("hello", "--backend", backend);
        assertEquals(0, result.exitCode());
        List<String> lines = result.out().lines().toList();
        assertEquals("backend: " + backend, lines.get(0));
        assertEquals(List.of("2.25", "2.25", "2.25", "2.25", "2.25", "2.25", "2.25", "2.25"), lines.subList(1, 9));
    }
}
