package dev.webnn.spark;

import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * The function Spark runs on each partition: it takes this JVM's encoder for the spec (opening
 * it for the first task with rows) and appends each row's embedding.
 *
 * @param spec what to embed with
 * @param textColumn the index of the text column
 */
record EmbedPartition(EmbeddingSpec spec, int textColumn) implements MapPartitionsFunction<Row, Row> {

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        if (!input.hasNext()) {
            return Collections.emptyIterator();
        }
        return new EmbeddedRows(input, textColumn, ExecutorEncoders.encoder(spec), spec.batchSize());
    }
}
