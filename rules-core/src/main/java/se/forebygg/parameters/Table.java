package se.forebygg.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One benefit's dated parameters, read from its file, bound by name to its record: each key of the
 * file's {@code parameters} is a component of the record, each component but {@code from} and
 * {@code until} is a key. Every period in which none of the values changes is bound once, at load, so
 * a badly typed value fails there. Immutable.
 */
final class Table {

    /** The record's components that hold the period rather than a parameter. */
    static final Set<String> PERIOD = Set.of("from", "until");

    private final Class<? extends Period> type;
    private final String source;
    private final String version;
    private final LocalDate coverageFrom;
    private final LocalDate coverageUntil;
    private final Map<String, Parameter> parameters;
    private final Map<String, Method> accessors;
    private final Period[] periods;

    private Table(Class<? extends Period> type, String source, String version, LocalDate coverageFrom,
                  LocalDate coverageUntil, Map<String, Parameter> parameters) {
        this.type = type;
        this.source = source;
        this.version = version;
        this.coverageFrom = coverageFrom;
        this.coverageUntil = coverageUntil;
        this.parameters = Map.copyOf(parameters);
        Map<String, Method> found = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (!PERIOD.contains(c.getName())) {
                Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                found.put(c.getName(), accessor);
            }
        }
        this.accessors = found;
        this.periods = bindPeriods();
    }

    /** The parameter names (keys) that {@code type} binds, in component order. */
    static List<String> names(Class<? extends Period> type) {
        if (!type.isRecord()) {
            throw new ParameterException(type.getName() + ": a benefit's parameters must be a record");
        }
        List<String> names = new ArrayList<>();
        Set<String> period = new TreeSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (PERIOD.contains(c.getName())) {
                if (c.getType() != LocalDate.class) {
                    throw new ParameterException(type.getName() + "." + c.getName() + ": must be a LocalDate");
                }
                period.add(c.getName());
            } else {
                names.add(c.getName());
            }
        }
        if (period.size() != PERIOD.size()) {
            throw new ParameterException(type.getName() + ": needs the components from and until (its period)");
        }
        return names;
    }

    /** Reads one benefit's file, already parsed as YAML, and binds it to {@code type}. */
    static Table parse(Class<? extends Period> type, JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new ParameterException(source + ": expected a mapping with 'version', 'coverage' and 'parameters'");
        }
        String version = text(root, "version", source);
        JsonNode coverage = root.path("coverage");
        LocalDate from = date(coverage.get("from"), source + ": coverage.from");
        LocalDate until = date(coverage.get("until"), source + ": coverage.until");
        JsonNode params = root.path("parameters");
        if (!params.isObject()) {
            throw new ParameterException(source + ": 'parameters' is missing");
        }
        List<String> names = names(type);
        Map<String, Parameter> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = source + ": parameters." + entry.getKey();
            if (!names.contains(entry.getKey())) {
                throw new ParameterException(where + ": unknown parameter: " + type.getSimpleName()
                        + " has no component of that name (known: " + String.join(", ", names) + ")");
            }
            parsed.put(entry.getKey(), Parameter.parse(entry.getKey(), entry.getValue(), where));
        }
        for (String name : names) {
            if (!parsed.containsKey(name)) {
                throw new ParameterException(source + ": parameters." + name + " is missing (" + type.getSimpleName()
                        + "." + name + " has no value)");
            }
            if (parsed.get(name).values().get(0).from().isAfter(from)) {
                throw new ParameterException(source + ": parameters." + name + " has no value on " + from
                        + ", the start of the coverage");
            }
        }
        return new Table(type, source, version, from, until, parsed);
    }

    Class<? extends Period> type() {
        return type;
    }

    String source() {
        return source;
    }

    String version() {
        return version;
    }

    LocalDate coverageFrom() {
        return coverageFrom;
    }

    LocalDate coverageUntil() {
        return coverageUntil;
    }

    Set<String> names() {
        return accessors.keySet();
    }

    boolean covers(LocalDate date) {
        return !date.isBefore(coverageFrom) && !date.isAfter(coverageUntil);
    }

    /** The period in force on {@code date}; throws naming the coverage when the table does not cover it. */
    Period on(LocalDate date, String tableVersion) {
        if (!covers(date)) {
            throw new ParameterException("no parameters for " + date + ": the parameter table (" + tableVersion
                    + ") covers " + coverageFrom + " to " + coverageUntil);
        }
        int lo = 0;
        int hi = periods.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (periods[mid].from().isAfter(date)) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return periods[lo];
    }

    /** The typed value of {@code name} on {@code date}: the record component's value. */
    Object value(String name, LocalDate date, String tableVersion) {
        try {
            return accessors.get(name).invoke(on(date, tableVersion));
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A copy in which {@code name} takes {@code value} (written as in the file) from {@code from} on. The value
     * is checked at once, against its component's type and its range; an error names it by {@code where}, not
     * this table's file.
     */
    Table withValue(String name, JsonNode value, LocalDate from, String where) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                convert(value, c.getGenericType(), where);
            }
        }
        Map<String, Parameter> changed = new LinkedHashMap<>(parameters);
        changed.put(name, parameters.get(name).withValueFrom(from, value, "what-if overlay", where));
        return new Table(type, source, version, coverageFrom, coverageUntil, changed);
    }

    private Period[] bindPeriods() {
        Set<LocalDate> starts = new TreeSet<>();
        starts.add(coverageFrom);
        for (Parameter p : parameters.values()) {
            for (DatedValue v : p.values()) {
                if (v.from().isAfter(coverageFrom) && !v.from().isAfter(coverageUntil)) {
                    starts.add(v.from());
                }
            }
        }
        List<LocalDate> ordered = new ArrayList<>(starts);
        Period[] result = new Period[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            LocalDate start = ordered.get(i);
            LocalDate end = i + 1 < ordered.size() ? ordered.get(i + 1).minusDays(1) : coverageUntil;
            result[i] = bind(start, end);
        }
        return result;
    }

    /** The record for the period {@code start}–{@code end}: each component from the key of its name. */
    private Period bind(LocalDate start, LocalDate end) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String name = c.getName();
            if (name.equals("from")) {
                args[i] = start;
            } else if (name.equals("until")) {
                args[i] = end;
            } else {
                DatedValue v = parameters.get(name).valueOn(start);
                args[i] = convert(v.value(), c.getGenericType(),
                        source + ": parameters." + name + " (value from " + v.from() + ")");
            }
        }
        try {
            Constructor<? extends Period> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ParameterException(source + ": the values in force from " + start + ": " + cause.getMessage(),
                    cause);
        } catch (ReflectiveOperationException e) {
            throw new ParameterException(type.getName() + ": cannot be built from its components: " + e, e);
        }
    }

    /** {@code v} as {@code target}: BigDecimal, int, LocalDate, MonthDay, String, boolean or a List of those. */
    static Object convert(JsonNode v, Type target, String where) {
        if (target instanceof ParameterizedType p && p.getRawType() == List.class) {
            if (!v.isArray() || v.isEmpty()) {
                throw new ParameterException(where + ": expected a non-empty list, got " + v);
            }
            List<Object> result = new ArrayList<>();
            for (JsonNode element : v) {
                result.add(convert(element, p.getActualTypeArguments()[0], where));
            }
            return List.copyOf(result);
        }
        if (target == BigDecimal.class) {
            if (!v.isNumber()) {
                throw new ParameterException(where + ": expected a number, got " + v);
            }
            return v.decimalValue();
        }
        if (target == int.class || target == Integer.class) {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new ParameterException(where + ": expected a whole number, got " + v);
            }
            return v.intValue();
        }
        if (target == LocalDate.class) {
            return date(v, where);
        }
        if (target == MonthDay.class) {
            try {
                return MonthDay.parse(v.asText());
            } catch (DateTimeParseException e) {
                throw new ParameterException(where + ": expected a month-day like --02-01, got " + v);
            }
        }
        if (target == String.class && v.isValueNode()) {
            return v.asText();
        }
        if ((target == boolean.class || target == Boolean.class) && v.isBoolean()) {
            return v.booleanValue();
        }
        throw new ParameterException(where + ": cannot be read as " + target.getTypeName() + ": " + v);
    }

    private static String text(JsonNode node, String field, String source) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new ParameterException(source + ": '" + field + "' is missing");
        }
        return v.asText();
    }

    static LocalDate date(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            throw new ParameterException(where + ": a date (YYYY-MM-DD) is missing");
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new ParameterException(where + ": not a date (YYYY-MM-DD): " + node.asText());
        }
    }

    /** The names two sets share, in order. */
    static Set<String> shared(Set<String> a, Set<String> b) {
        Set<String> both = new LinkedHashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
