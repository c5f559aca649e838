package dev.webnn.onnx;

import dev.webnn.MLNotSupportedError;
import dev.webnn.MLOperandDataType;
import dev.webnn.onnx.internal.ModelFiles;
import dev.webnn.onnx.internal.Tensor;
import dev.webnn.onnx.internal.TensorDecoder;
import dev.webnn.onnx.proto.OnnxIr.TensorProto;

import java.nio.file.Path;

/**
 * Reads serialized ONNX tensors (into aligned memory of their own), such as the {@code input_0.pb} and {@code output_0.pb} files
 * of ONNX's operator test suite.
 */
public final class OnnxTensors {

    private OnnxTensors() {
    }

    /**
     * Reads one serialized {@code TensorProto} file.
     *
     * @param file the {@code .pb} file
     * @return the tensor in WebNN form (see {@link OnnxTensor})
     * @throws OnnxFormatError if the file is not a valid tensor
     * @throws MLNotSupportedError if the element type has no WebNN form (strings, int16, complex, ...)
     * @throws dev.webnn.MLTypeError if the file cannot be read
     */
    public static OnnxTensor read(Path file) {
        ModelFiles.Parsed<TensorProto> parsed = ModelFiles.parse(file, ModelFiles.Root.TENSOR, TensorProto::parseFrom,
                "tensor file");
        TensorProto proto = parsed.message();
        Tensor tensor = new TensorDecoder(null, parsed.file()).decode(proto);
        OnnxDataType declared = OnnxDataType.fromCode(proto.getDataType()).orElseThrow();
        // an aligned copy (test-data sized), so that callers may read it with aligned layouts
        Tensor copy = Tensor.allocate(tensor.type() == OnnxDataType.DOUBLE ? OnnxDataType.FLOAT : tensor.type(),
                tensor.shape());
        if (tensor.type() == OnnxDataType.DOUBLE) {
            for (long i = 0; i < tensor.elementCount(); i++) {
                copy.setDouble(i, tensor.getDouble(i));
            }
        } else {
            copy.data().copyFrom(tensor.data());
        }
        tensor = copy;
        MLOperandDataType type = tensor.type().webnnType().orElseThrow(() -> new MLNotSupportedError("tensor file "
                + file + " holds " + declared + ", which has no WebNN form"));
        return new OnnxTensor(proto.getName(), declared, type, tensor.shape(), tensor.data().asReadOnly());
    }
}
