package dev.webnn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A tensor owned by an {@link MLContext}: 64-byte aligned native memory used as graph input
 * or output with {@link MLContext#dispatch} (spec: {@code MLTensor}). Created by
 * {@link MLContext#createTensor} (zero-filled) or {@link MLContext#createConstantTensor}.
 *
 * <p>{@link #close()} (the spec's {@code destroy()}) frees the memory; it is idempotent and
 * waits for a dispatch that is using the tensor to finish.
 */
public final class MLTensor implements AutoCloseable {

    private final MLContext context;
    private final MLTensorDescriptor descriptor;
    private final boolean constant;
    private final Arena arena;
    private final MemorySegment data;
    private volatile boolean destroyed;

    MLTensor(MLContext context, MLTensorDescriptor descriptor, boolean constant) {
        this.context = context;
        this.descriptor = descriptor;
        this.constant = constant;
        this.arena = Arena.ofShared();
        long size = descriptor.descriptor().byteLength();
        this.data = arena.allocate(Math.max(1, size), 64).asSlice(0, size);
    }

    /**
     * The tensor's data type.
     *
     * @return the data type
     */
    public MLOperandDataType dataType() {
        return descriptor.descriptor().dataType();
    }

    /**
     * The tensor's shape.
     *
     * @return a copy of the dimensions
     */
    public long[] shape() {
        return descriptor.descriptor().shape();
    }

    /**
     * Whether {@link MLContext#readTensor} may read this tensor.
     *
     * @return the descriptor's readable flag
     */
    public boolean readable() {
        return descriptor.readable();
    }

    /**
     * Whether {@link MLContext#writeTensor} may write this tensor.
     *
     * @return the descriptor's writable flag
     */
    public boolean writable() {
        return descriptor.writable();
    }

    /**
     * Whether this tensor was made by {@link MLContext#createConstantTensor}.
     *
     * @return true for constant tensors
     */
    public boolean constant() {
        return constant;
    }

    /**
     * Whether {@link #close()} has been called (directly or by closing the context).
     *
     * @return true once destroyed
     */
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Frees the tensor's memory (spec: {@code destroy()}). Idempotent. */
    @Override
    public void close() {
        context.destroy(this);
    }

    /** Same as {@link #close()}, with the spec's name. */
    public void destroy() {
        close();
    }

    MLContext context() {
        return context;
    }

    MLOperandDescriptor descriptor() {
        return descriptor.descriptor();
    }

    boolean isConstant() {
        return constant;
    }

    /** The native memory; only while not destroyed, under the context's timeline. */
    MemorySegment data() {
        return data;
    }

    /** Called by the context under its timeline lock. */
    void release() {
        if (!destroyed) {
            destroyed = true;
            arena.close();
        }
    }

    @Override
    public String toString() {
        return "MLTensor[" + descriptor.descriptor() + (constant ? ", constant" : "") + (readable() ? ", readable" : "")
                + (writable() ? ", writable" : "") + (destroyed ? ", destroyed" : "") + "]";
    }
}
