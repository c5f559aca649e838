package dev.webnn.onnx;

import dev.webnn.MLTypeError;

/**
 * An ONNX or tensor file is malformed: not a valid protobuf, truncated, inconsistent
 * (data that does not match the declared shape), or referring to data outside its folder.
 */
public final class OnnxFormatError extends MLTypeError {
    private static final long serialVersionUID = 1L;

    /** Byte offset of the problem in the file, or -1 if unknown. */
    private final long byteOffset;

    /**
     * Creates the error.
     *
     * @param message what is wrong, naming the file
     * @param byteOffset where in the file the parser stopped, or -1 if unknown
     * @param cause the parser's exception, or null
     */
    public OnnxFormatError(String message, long byteOffset, Throwable cause) {
        super(byteOffset >= 0 ? message + " (at byte " + byteOffset + ")" : message, cause);
        this.byteOffset = byteOffset;
    }

    /**
     * Where in the file the problem was found.
     *
     * @return the byte offset, or -1 if unknown
     */
    public long byteOffset() {
        return byteOffset;
    }
}
