package dev.webnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.webnn.graph.Op;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every operation listed in the spec's ops.txt is a public method of MLGraphBuilder. */
class SpecOperatorsTest {

    private static final Path OPS = Path.of(System.getProperty("webnn.shared", "../shared"), "spec", "ops.txt");

    @Test
    void everyOperationOfOpsTxtIsAPublicBuilderMethodReturningOperands() throws IOException {
        assumeTrue(Files.exists(OPS), "../shared is absent: " + OPS + " not found");
        List<String> ops = Files.readAllLines(OPS).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        assertEquals(95, ops.size());
        Set<String> methods = Arrays.stream(MLGraphBuilder.class.getMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getReturnType() == MLOperand.class || m.getReturnType() == List.class)
                .map(Method::getName).collect(Collectors.toSet());
        List<String> missing = ops.stream().filter(op -> !methods.contains(op)).toList();
        assertEquals(List.of(), missing, "operations without a builder method");
        for (String op : ops) {
            assertEquals(op, Op.fromSpecName(op).specName());
            assertTrue(MLOpSupportLimits.specification().operator(op).isPresent(), op + " has spec limits");
        }
    }
}
