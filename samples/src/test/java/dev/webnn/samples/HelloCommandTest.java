package dev.webnn.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class HelloCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"onnxruntime", "xnnpack"})
    void printsTwoPointTwoFiveEightTimesOnEveryBackend(String backend) {
        StringWriter text = new StringWriter();
        CommandLine line = new CommandLine(new Main());
        line.setOut(new PrintWriter(text));
        assertEquals(0, line.execute("hello", "--backend", backend));
        List<String> lines = text.toString().lines().toList();
        assertEquals("backend: " + backend, lines.get(0));
        assertEquals(List.of("2.25", "2.25", "2.25", "2.25", "2.25", "2.25", "2.25", "2.25"), lines.subList(1, 9));
    }
}
