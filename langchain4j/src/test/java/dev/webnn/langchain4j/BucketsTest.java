package dev.webnn.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BucketsTest {

    @Test
    void batchesRoundUpToPowersOfTwo() {
        assertEquals(1, Buckets.batch(1));
        assertEquals(2, Buckets.batch(2));
        assertEquals(4, Buckets.batch(3));
        assertEquals(32, Buckets.batch(32));
        assertEquals(64, Buckets.batch(33));
        assertThrows(IllegalArgumentException.class, () -> Buckets.batch(0));
    }

    @Test
    void sequencesRoundUpFromSixteenToTheLimit() {
        assertEquals(16, Buckets.sequence(1, 256));
        assertEquals(16, Buckets.sequence(16, 256));
        assertEquals(32, Buckets.sequence(17, 256));
        assertEquals(256, Buckets.sequence(200, 256));
        assertEquals(100, Buckets.sequence(90, 100));
    }
}
