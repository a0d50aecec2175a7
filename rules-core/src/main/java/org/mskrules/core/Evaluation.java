package org.mskrules.core;

import java.util.List;
import java.util.Objects;

/**
 * What one stateless evaluation produced: the facts the rules inserted that the caller asked for,
 * and the trace. Immutable.
 *
 * @param outputs facts of the requested output types, in a deterministic order
 * @param trace   the explanation of the evaluation
 */
public record Evaluation(List<Object> outputs, Trace trace) {
    public Evaluation {
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(trace, "trace");
    }

    /** The outputs of one type, in order. */
    public <T> List<T> outputs(Class<T> type) {
        return outputs.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
