package se.forebygg.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The facts left in a session after the rules ran, to be read by type. */
public final class Facts {
    private final Collection<?> objects;

    public Facts(Collection<?> objects) {
        this.objects = objects;
    }

    /** Every fact of {@code type}, sorted by {@code order} so that output does not depend on firing order. */
    public <T> List<T> all(Class<T> type, Comparator<? super T> order) {
        List<T> result = new ArrayList<>();
        for (Object o : objects) {
            if (type.isInstance(o)) {
                result.add(type.cast(o));
            }
        }
        result.sort(order);
        return result;
    }
}
