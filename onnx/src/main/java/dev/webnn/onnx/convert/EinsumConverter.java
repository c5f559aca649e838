package dev.webnn.onnx.convert;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLOperand;
import dev.webnn.MLReduceOptions;
import dev.webnn.MLTransposeOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Einsum for the common one- and two-operand patterns: transposes, sums over letters, and
 * products that are batched matrix multiplications (batch letters in both operands and the
 * output, contracted letters in both operands only, kept letters in one operand and the
 * output). Ellipses, repeated letters within an operand (diagonals) and more operands are
 * refused.
 */
final class EinsumConverter {

    private EinsumConverter() {
    }

    static void register(Registry registry) {
        registry.add("Einsum", List.of("transpose", "reduceSum", "reshape", "matmul"), EinsumConverter::einsum);
    }

    private static void einsum(OnnxNode node) {
        String equation = node.stringAttribute("equation", "").replace(" ", "");
        if (equation.contains(".")) {
            throw node.unsupported("equation '" + equation + "' has an ellipsis");
        }
        String[] sides = equation.split("->", -1);
        String[] operands = sides[0].split(",", -1);
        if (operands.length != node.inputCount() || operands.length > 2) {
            throw node.unsupported("equation '" + equation + "': only one or two operands are converted");
        }
        for (String letters : operands) {
            if (letters.chars().distinct().count() != letters.length()) {
                throw node.unsupported("equation '" + equation + "' repeats a letter within an operand (a diagonal)");
            }
        }
        String output = sides.length == 2 ? sides[1] : implicitOutput(sides[0]);
        MLGraphBuilder b = node.builder();
        if (operands.length == 1) {
            MLOperand x = node.operand(0);
            String kept = sumAway(operands[0], output);
            MLOperand reduced = reduce(b, x, operands[0], kept);
            node.output(0, b.identity(arrange(b, reduced, kept, output), node.options()));
            return;
        }
        String a = operands[0];
        String c = operands[1];
        MLOperand left = node.operand(0);
        MLOperand right = node.operand(1, left.dataType());
        // letters in one operand only and not in the output are summed away first
        String aKeep = keepLetters(a, c, output);
        String cKeep = keepLetters(c, a, output);
        left = reduce(b, left, a, aKeep);
        right = reduce(b, right, c, cKeep);
        StringBuilder batch = new StringBuilder();
        StringBuilder contracted = new StringBuilder();
        StringBuilder aOnly = new StringBuilder();
        StringBuilder cOnly = new StringBuilder();
        for (char letter : aKeep.toCharArray()) {
            boolean inC = cKeep.indexOf(letter) >= 0;
            boolean inOut = output.indexOf(letter) >= 0;
            (inC ? (inOut ? batch : contracted) : aOnly).append(letter);
        }
        for (char letter : cKeep.toCharArray()) {
            if (aKeep.indexOf(letter) < 0) {
                cOnly.append(letter);
            }
        }
        long[] aShape = left.shape();
        long[] cShape = right.shape();
        long batchSize = size(batch, aKeep, aShape);
        long m = size(aOnly, aKeep, aShape);
        long k = size(contracted, aKeep, aShape);
        long n = size(cOnly, cKeep, cShape);
        MLOperand a3 = b.reshape(arrange(b, left, aKeep, "" + batch + aOnly + contracted), batchSize, m, k);
        MLOperand c3 = b.reshape(arrange(b, right, cKeep, "" + batch + contracted + cOnly), batchSize, k, n);
        String productLetters = "" + batch + aOnly + cOnly;
        List<Long> dims = new ArrayList<>();
        for (char letter : productLetters.toCharArray()) {
            dims.add(aKeep.indexOf(letter) >= 0 ? aShape[aKeep.indexOf(letter)] : cShape[cKeep.indexOf(letter)]);
        }
        MLOperand product = b.reshape(b.matmul(a3, c3), dims.stream().mapToLong(Long::longValue).toArray());
        node.output(0, b.identity(arrange(b, product, productLetters, output), node.options()));
    }

    /** Without "->", the output is every letter that occurs once, in alphabetical order. */
    private static String implicitOutput(String inputs) {
        StringBuilder output = new StringBuilder();
        inputs.chars().filter(Character::isLetter).distinct().sorted()
                .filter(letter -> inputs.indexOf(letter) == inputs.lastIndexOf(letter))
                .forEach(letter -> output.append((char) letter));
        return output.toString();
    }

    private static String sumAway(String letters, String output) {
        StringBuilder kept = new StringBuilder();
        for (char letter : letters.toCharArray()) {
            if (output.indexOf(letter) >= 0) {
                kept.append(letter);
            }
        }
        return kept.toString();
    }

    private static String keepLetters(String own, String other, String output) {
        StringBuilder kept = new StringBuilder();
        for (char letter : own.toCharArray()) {
            if (other.indexOf(letter) >= 0 || output.indexOf(letter) >= 0) {
                kept.append(letter);
            }
        }
        return kept.toString();
    }

    /** Sums x (labelled by {@code letters}) over the letters not in {@code kept}. */
    private static MLOperand reduce(MLGraphBuilder b, MLOperand x, String letters, String kept) {
        if (kept.length() == letters.length()) {
            return x;
        }
        List<Long> axes = new ArrayList<>();
        for (int i = 0; i < letters.length(); i++) {
            if (kept.indexOf(letters.charAt(i)) < 0) {
                axes.add((long) i);
            }
        }
        return b.reduceSum(x, MLReduceOptions.defaults().withAxes(axes.stream().mapToLong(Long::longValue).toArray()));
    }

    /** Transposes x from the order {@code from} to the order {@code to} (same letters). */
    private static MLOperand arrange(MLGraphBuilder b, MLOperand x, String from, String to) {
        if (from.equals(to)) {
            return x;
        }
        long[] permutation = new long[to.length()];
        for (int i = 0; i < permutation.length; i++) {
            permutation[i] = from.indexOf(to.charAt(i));
        }
        return b.transpose(x, MLTransposeOptions.defaults().withPermutation(permutation));
    }

    private static long size(CharSequence letters, String labels, long[] shape) {
        long size = 1;
        for (int i = 0; i < letters.length(); i++) {
            size *= shape[labels.indexOf(letters.charAt(i))];
        }
        return size;
    }
}
