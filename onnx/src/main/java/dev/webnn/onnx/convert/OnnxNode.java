package dev.webnn.onnx.convert;

import dev.webnn.MLGraphBuilder;
import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperand;
import dev.webnn.MLOperandDataType;
import dev.webnn.MLOperatorOptions;
import dev.webnn.onnx.internal.Tensor;
import dev.webnn.onnx.proto.OnnxIr.AttributeProto;
import dev.webnn.onnx.proto.OnnxIr.GraphProto;
import dev.webnn.onnx.proto.OnnxIr.NodeProto;

import java.util.List;

/**
 * One ONNX node during conversion: its attributes, its inputs (constants or operands) and
 * the place its outputs go. Converters and folders see only this.
 */
final class OnnxNode {

    private final GraphImporter importer;
    private final NodeProto proto;
    private final long opset;

    OnnxNode(GraphImporter importer, NodeProto proto, long opset) {
        this.importer = importer;
        this.proto = proto;
        this.opset = opset;
    }

    String opType() {
        return proto.getOpType();
    }

    String name() {
        return proto.getName();
    }

    long opset() {
        return opset;
    }

    MLGraphBuilder builder() {
        return importer.builder();
    }

    /** Whether the context's backend has a WebNN operator, for choosing between equivalent compositions. */
    boolean backendHas(String webnnOperator) {
        return importer.builder().context().opSupportLimits().operator(webnnOperator).isPresent();
    }

    /** Options carrying this node's name as the WebNN label, for backend error messages. */
    MLOperatorOptions options() {
        return MLOperatorOptions.defaults().withLabel(label());
    }

    String label() {
        return proto.getName().isEmpty() ? proto.getOpType() : proto.getName();
    }

    // ---- inputs ----

    int inputCount() {
        return proto.getInputCount();
    }

    /** Whether input {@code i} is given (ONNX marks omitted optional inputs by an empty name). */
    boolean has(int i) {
        return i < proto.getInputCount() && !proto.getInput(i).isEmpty();
    }

    boolean isConstant(int i) {
        return importer.value(proto.getInput(i)).isConstant();
    }

    /** Input {@code i} as a constant; refuses inputs known only at run time. */
    Tensor constant(int i) {
        Value value = importer.value(proto.getInput(i));
        if (!value.isConstant()) {
            throw unsupported("input " + i + " ('" + proto.getInput(i)
                    + "') must be a constant known at import (computed from weights and fixed shapes)");
        }
        return value.constant();
    }

    /** Input {@code i} as a graph operand (constants are added to the graph once). */
    MLOperand operand(int i) {
        if (!has(i)) {
            throw unsupported("input " + i + " is missing");
        }
        return importer.operand(proto.getInput(i));
    }

    /** Input {@code i} as an operand of the given WebNN type (cast if needed). */
    MLOperand operand(int i, MLOperandDataType type) {
        MLOperand operand = operand(i);
        return operand.dataType() == type ? operand : builder().cast(operand, type, options());
    }

    long[] shape(int i) {
        Value value = importer.value(proto.getInput(i));
        return value.isConstant() ? value.constant().shape() : value.operand().shape();
    }

    int rank(int i) {
        return shape(i).length;
    }

    /**
     * Whether every given input is a constant the folders can evaluate: not of a 4-bit type,
     * whose packed values they do not move (a graph operation handles those).
     */
    boolean allInputsFoldable() {
        for (int i = 0; i < proto.getInputCount(); i++) {
            if (has(i) && (!isConstant(i) || constant(i).type().isPacked())) {
                return false;
            }
        }
        return true;
    }

    // ---- outputs ----

    int outputCount() {
        return proto.getOutputCount();
    }

    /** Whether output {@code i} is used (an empty name marks an unused optional output). */
    boolean hasOutput(int i) {
        return i < proto.getOutputCount() && !proto.getOutput(i).isEmpty();
    }

    void output(int i, MLOperand operand) {
        if (hasOutput(i)) {
            importer.define(proto.getOutput(i), Value.of(operand));
        }
    }

    void output(int i, Tensor constant) {
        if (hasOutput(i)) {
            importer.define(proto.getOutput(i), Value.of(constant));
        }
    }

    // ---- attributes ----

    private AttributeProto attribute(String name) {
        for (AttributeProto attribute : proto.getAttributeList()) {
            if (attribute.getName().equals(name)) {
                return attribute;
            }
        }
        return null;
    }

    boolean hasAttribute(String name) {
        return attribute(name) != null;
    }

    long intAttribute(String name, long absent) {
        AttributeProto attribute = attribute(name);
        return attribute == null ? absent : attribute.getI();
    }

    float floatAttribute(String name, float absent) {
        AttributeProto attribute = attribute(name);
        return attribute == null ? absent : attribute.getF();
    }

    String stringAttribute(String name, String absent) {
        AttributeProto attribute = attribute(name);
        return attribute == null ? absent : attribute.getS().toStringUtf8();
    }

    /** The ints of an attribute, or null if absent. */
    long[] intsAttribute(String name) {
        AttributeProto attribute = attribute(name);
        if (attribute == null) {
            return null;
        }
        return attribute.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    /** The floats of an attribute, or null if absent. */
    float[] floatsAttribute(String name) {
        AttributeProto attribute = attribute(name);
        if (attribute == null) {
            return null;
        }
        float[] values = new float[attribute.getFloatsCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = attribute.getFloats(i);
        }
        return values;
    }

    /** A tensor attribute decoded, or null if absent. */
    Tensor tensorAttribute(String name) {
        AttributeProto attribute = attribute(name);
        return attribute == null ? null : importer.decode(attribute.getT());
    }

    GraphProto graphAttribute(String name) {
        AttributeProto attribute = attribute(name);
        if (attribute == null) {
            throw unsupported("attribute '" + name + "' is missing");
        }
        return attribute.getG();
    }

    List<AttributeProto> attributes() {
        return proto.getAttributeList();
    }

    /**
     * The ints of an attribute the operator requires.
     *
     * @throws dev.webnn.onnx.OnnxFormatError naming the node and the attribute when it is absent
     */
    long[] requiredIntsAttribute(String name) {
        long[] values = intsAttribute(name);
        if (values == null) {
            throw new dev.webnn.onnx.OnnxFormatError(where(proto, opset) + "the required attribute '" + name
                    + "' is missing", -1, null);
        }
        return values;
    }

    /** Converts a subgraph (an If branch) in this node's scope and returns its outputs. */
    List<Value> inline(GraphProto graph) {
        return importer.inline(graph);
    }

    // ---- errors ----

    /** An MLNotSupportedError naming this node, its op type and opset. */
    MLNotSupportedError unsupported(String reason) {
        return new MLNotSupportedError(where(proto, opset) + reason);
    }

    /** The message prefix naming a node: {@code ONNX node 'name' (Op, opset N): }. */
    static String where(NodeProto proto, long opset) {
        return "ONNX node '" + proto.getName() + "' (" + proto.getOpType() + ", opset " + opset + "): ";
    }
}
