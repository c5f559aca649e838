package dev.webnn.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.webnn.ML;
import dev.webnn.spi.BackendAvailability;
import dev.webnn.spi.MLBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both backends are found through ServiceLoader and load their natives from their jars. */
class BackendDiscoveryTest {

    @Test
    void bothBackendsAreDiscoveredInPriorityOrderAndAvailable() {
        List<MLBackend> backends = ML.backends();
        assertEquals(List.of("xnnpack", "onnxruntime"), backends.stream().map(MLBackend::name).toList());
        for (MLBackend backend : backends) {
            BackendAvailability availability = backend.availability();
            assertTrue(availability.available(), backend.name() + ": " + availability.reason());
        }
        assertEquals("1.23.2", backends.get(1).availability().nativeVersion());
        assertEquals("0.0~git20241108.4ea82e5", backends.get(0).availability().nativeVersion());
    }
}
