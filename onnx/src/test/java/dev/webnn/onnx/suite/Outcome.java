package dev.webnn.onnx.suite;

import java.util.List;

/**
 * How one ONNX test case went on one backend.
 *
 * @param name the case's folder name, e.g. {@code test_relu}
 * @param status passed, or which kind of not passing
 * @param detail what went wrong, empty when passed
 * @param operators the ONNX operator types of the model's nodes, for the summary table
 */
record Outcome(String name, Status status, String detail, List<String> operators) {

    /** Kinds of outcome; each but {@link #PASSED} is a category of the expected lists. */
    enum Status {
        /** Every output agrees with the expected one. */
        PASSED("passed"),
        /** The importer declared a node it cannot express in WebNN ({@code MLNotSupportedError} from the import). */
        NOT_CONVERTIBLE("not convertible"),
        /** The backend declared an operation or type it cannot run ({@code MLNotSupportedError} from the backend). */
        UNSUPPORTED("unsupported by backend"),
        /** It ran, but an output differs beyond ONNX's tolerance or has the wrong shape or type. */
        WRONG_RESULT("wrong result"),
        /** Any other exception: a bug until shown otherwise. */
        ERROR("error");

        private final String category;

        Status(String category) {
            this.category = category;
        }

        /**
         * The category as written in the expected lists.
         *
         * @return e.g. {@code not convertible}
         */
        String category() {
            return category;
        }
    }

    /**
     * The reason as written in the expected lists, {@code category: detail}.
     *
     * @return the reason; just the category when there is no detail
     */
    String reason() {
        return detail.isEmpty() ? status.category() : status.category() + ": " + detail.replaceAll("\\s+", " ");
    }
}
