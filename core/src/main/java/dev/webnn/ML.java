package dev.webnn;

import dev.webnn.spi.MLBackend;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Entry point of WebNN for Java (the spec's {@code navigator.ml}).
 *
 * <p>Backends are discovered with {@link ServiceLoader} from the class and module path.
 */
public final class ML {

    private ML() {
    }

    /**
     * Every backend on the class or module path, available or not, highest priority first.
     * Call {@link MLBackend#availability()} to learn whether one can be used and why not.
     *
     * @return the discovered backends
     */
    public static List<MLBackend> backends() {
        return ServiceLoader.load(MLBackend.class, ML.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(MLBackend::priority).reversed().thenComparing(MLBackend::name))
                .toList();
    }
}
