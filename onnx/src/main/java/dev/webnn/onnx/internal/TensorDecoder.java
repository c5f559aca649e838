package dev.webnn.onnx.internal;

import com.google.protobuf.ByteString;
import dev.webnn.MLNotSupportedError;
import dev.webnn.onnx.OnnxDataType;
import dev.webnn.onnx.OnnxFormatError;
import dev.webnn.onnx.proto.OnnxIr.StringStringEntryProto;
import dev.webnn.onnx.proto.OnnxIr.TensorProto;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;

/**
 * Decodes a {@code TensorProto} into a {@link Tensor}: {@code raw_data} (kept as a view of the
 * mapped file), the typed repeated fields, and external data files next to the model.
 * bfloat16 is widened to float32; int4 and uint4 stay packed, two values per byte, low nibble
 * first (as ONNX and WebNN both store them), and are read from {@code raw_data} only.
 */
public final class TensorDecoder {

    private final ExternalData externalData;
    private final MemorySegment file;

    /**
     * A decoder for tensors of one file.
     *
     * @param modelFolder the folder external data is resolved in, or null if external data is refused
     * @param file the mapped file that {@code mapped_raw_data} references point into
     */
    public TensorDecoder(Path modelFolder, MemorySegment file) {
        this.externalData = modelFolder == null ? null : new ExternalData(modelFolder);
        this.file = file;
    }

    /**
     * Decodes one tensor.
     *
     * @param proto the message
     * @return the tensor
     * @throws OnnxFormatError if the data does not match the type and dimensions
     * @throws MLNotSupportedError if the type has no fixed-size elements (strings, 4-bit floats, ...)
     */
    public Tensor decode(TensorProto proto) {
        String name = proto.getName();
        OnnxDataType type = OnnxDataType.fromCode(proto.getDataType()).orElseThrow(() -> new OnnxFormatError(
                "tensor '" + name + "' has unknown data type " + proto.getDataType(), -1, null));
        long[] shape = new long[proto.getDimsCount()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = proto.getDims(i);
            if (shape[i] < 0) {
                throw new OnnxFormatError("tensor '" + name + "' has negative dimension " + shape[i], -1, null);
            }
        }
        if (type.byteSize() == 0 && !type.isPacked()) {
            throw new MLNotSupportedError("tensor '" + name + "' has type " + type + ", which WebNN cannot hold");
        }
        long count;
        try {
            count = Tensor.elementCount(shape);
        } catch (ArithmeticException e) {
            throw new OnnxFormatError("tensor '" + name + "' has too many elements", -1, e);
        }
        OnnxDataType stored = type == OnnxDataType.BFLOAT16 ? OnnxDataType.FLOAT : type;
        if (proto.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            if (externalData == null) {
                throw new OnnxFormatError("tensor '" + name + "' refers to external data, not allowed here", -1, null);
            }
            return fromRaw(name, type, shape, count, externalData.map(name, proto.getExternalDataList()));
        }
        if (proto.hasMappedRawData()) {
            return fromRaw(name, type, shape, count, mapped(name, proto.getMappedRawData()));
        }
        if (proto.hasRawData()) {
            return fromRaw(name, type, shape, count, segment(proto.getRawData()));
        }
        Tensor tensor = Tensor.allocate(stored, shape);
        int available = typedCount(proto, type);
        if (available != count) {
            throw new OnnxFormatError("tensor '" + name + "' " + type + java.util.Arrays.toString(shape) + " has "
                    + available + " values, needs " + count, -1, null);
        }
        for (int i = 0; i < count; i++) {
            switch (type) {
                case FLOAT -> tensor.setDouble(i, proto.getFloatData(i));
                case DOUBLE -> tensor.setDouble(i, proto.getDoubleData(i));
                case INT64 -> tensor.setLong(i, proto.getInt64Data(i));
                case UINT32, UINT64 -> tensor.setLong(i, proto.getUint64Data(i));
                case FLOAT16 -> tensor.data().setAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, i, (short) proto.getInt32Data(i));
                case BFLOAT16 -> tensor.setDouble(i, bfloat16(proto.getInt32Data(i)));
                default -> tensor.setLong(i, proto.getInt32Data(i));
            }
        }
        return tensor;
    }

    private static int typedCount(TensorProto proto, OnnxDataType type) {
        return switch (type) {
            case FLOAT -> proto.getFloatDataCount();
            case DOUBLE -> proto.getDoubleDataCount();
            case INT64 -> proto.getInt64DataCount();
            case UINT32, UINT64 -> proto.getUint64DataCount();
            case INT32, INT16, UINT16, INT8, UINT8, BOOL, FLOAT16, BFLOAT16 -> proto.getInt32DataCount();
            case INT4, UINT4 -> throw new MLNotSupportedError("tensor '" + proto.getName() + "' holds " + type
                    + " values in int32_data; the importer reads 4-bit tensors from raw_data");
            default -> throw new MLNotSupportedError("tensor '" + proto.getName() + "' has type " + type
                    + ", which WebNN cannot hold");
        };
    }

    private static Tensor fromRaw(String name, OnnxDataType type, long[] shape, long count, MemorySegment raw) {
        long expected;
        try {
            expected = type.byteLength(count);
        } catch (ArithmeticException e) {
            throw new OnnxFormatError("tensor '" + name + "' has too many elements", -1, e);
        }
        if (raw.byteSize() != expected) {
            throw new OnnxFormatError("tensor '" + name + "' " + type + java.util.Arrays.toString(shape) + " needs "
                    + expected + " bytes of data, has " + raw.byteSize(), -1, null);
        }
        if (type != OnnxDataType.BFLOAT16) {
            return new Tensor(type, shape, raw);
        }
        Tensor widened = Tensor.allocate(OnnxDataType.FLOAT, shape);
        for (long i = 0; i < count; i++) {
            widened.setDouble(i, bfloat16(raw.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED, i)));
        }
        return widened;
    }

    /** A bfloat16 bit pattern is the upper half of a float32's. */
    private static float bfloat16(int bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** The bytes a {@code mapped_raw_data} reference names: offset and length into the file. */
    private MemorySegment mapped(String name, ByteString reference) {
        java.nio.ByteBuffer buffer = reference.asReadOnlyByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long offset = buffer.getLong();
        long length = buffer.getLong();
        if (offset < 0 || length < 0 || offset > file.byteSize() - length) {
            throw new OnnxFormatError("tensor '" + name + "' raw data lies outside the file", offset, null);
        }
        return file.asSlice(offset, length).asReadOnly();
    }

    /** A view of the bytes. */
    private static MemorySegment segment(ByteString bytes) {
        return MemorySegment.ofBuffer(bytes.asReadOnlyByteBuffer());
    }

    /**
     * The entries of an {@code external_data} list as given.
     *
     * @param entries the list
     * @param key e.g. {@code location}
     * @return the value, or null
     */
    static String entry(List<StringStringEntryProto> entries, String key) {
        for (StringStringEntryProto entry : entries) {
            if (entry.getKey().equals(key)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
