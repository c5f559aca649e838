package dev.webnn.samples;

import dev.webnn.ML;
import dev.webnn.MLContext;
import dev.webnn.MLContextOptions;
import dev.webnn.MLOpSupportLimits;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLTensorLimits;
import dev.webnn.spi.MLBackend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code webnn-samples ops}: a Markdown table of the spec's operators and, per available
 * backend, the data types it runs them with (from {@code opSupportLimits()}).
 */
@Command(name = "ops", description = "Print the operator coverage of each available backend as a Markdown table.")
final class OpsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = new ArrayList<>();
        List<MLOpSupportLimits> limits = new ArrayList<>();
        for (MLBackend backend : ML.backends()) {
            if (backend.availability().available()) {
                try (MLContext context = ML.createContext(MLContextOptions.defaults().withBackend(backend.name()))) {
                    names.add(backend.name());
                    limits.add(context.opSupportLimits());
                }
            }
        }
        out.println("| operator | " + String.join(" | ", names) + " |");
        out.println("|---|" + "---|".repeat(names.size()));
        int[] counts = new int[names.size()];
        for (String op : MLOpSupportLimits.specification().operators()) {
            StringBuilder row = new StringBuilder("| " + op + " |");
            for (int i = 0; i < limits.size(); i++) {
                String cell = limits.get(i).operator(op).map(OpsCommand::types).orElse("—");
                if (!cell.equals("—")) {
                    counts[i]++;
                }
                row.append(' ').append(cell).append(" |");
            }
            out.println(row);
        }
        StringBuilder total = new StringBuilder("| **operators** |");
        for (int count : counts) {
            total.append(" **").append(count).append(" / 95** |");
        }
        out.println(total);
        return 0;
    }

    /**
     * The data types the operator computes in: those of its first data input, the operand
     * whose type the others follow ("a", "input", or a where's "trueValue").
     */
    private static String types(Map<String, MLTensorLimits> roles) {
        MLTensorLimits main = roles.containsKey("trueValue") ? roles.get("trueValue") : roles.values().iterator().next();
        Set<MLOperandDataType> types = EnumSet.noneOf(MLOperandDataType.class);
        types.addAll(main.dataTypes());
        if (!types.containsAll(MLOperandDataType.snapshotTypes())) {
            return types.stream().map(MLOperandDataType::specName).collect(Collectors.joining(", "));
        }
        // "all types" are the spec snapshot's eight; the 4-bit types beyond it are named
        return Stream.concat(Stream.of("all types"), types.stream().filter(t -> !MLOperandDataType.snapshotTypes().contains(t))
                .map(MLOperandDataType::specName)).collect(Collectors.joining(", "));
    }
}
