package se.forebygg.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dated parameter table: every law number with the date it took effect and its source.
 * Immutable and safe to share. Values are looked up by a date of the case, never the wall clock.
 */
public final class Parameters {

    /** The parameter names a table must define, in the order of {@link ParameterSet}'s components. */
    static final List<String> NAMES = List.of(
            "priceBaseAmount", "sgiCeilingFactor", "sgiFloorShare", "sgiRoundingUnit",
            "sicknessBenefitShare", "sicknessBenefitRate", "daysPerYear", "benefitLevels",
            "workingTimeDaysPerSickPeriod", "hourlyRateRoundingUnit", "workingHoursRoundingUnit",
            "minimumRiskReduction", "minimumPlanSessions", "providerMinimumOtherCompetences",
            "grantShareOfCost", "grantCapPerEmployee", "grantCapPerEmployer",
            "applicationDeadline", "extendedMeasuresInForce", "grantCapPerApplication", "grantYearlyCapsInForce");

    private static final String STANDARD = "/se/forebygg/parameters/parameters.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String version;
    private final String source;
    private final LocalDate coverageFrom;
    private final LocalDate coverageUntil;
    private final Map<String, Parameter> parameters;
    private final ParameterSet[] periods;

    private Parameters(String version, String source, LocalDate coverageFrom, LocalDate coverageUntil,
                       Map<String, Parameter> parameters) {
        this.version = version;
        this.source = source;
        this.coverageFrom = coverageFrom;
        this.coverageUntil = coverageUntil;
        this.parameters = Map.copyOf(parameters);
        this.periods = buildPeriods();
    }

    /** The parameter table shipped with the library. */
    public static Parameters standard() {
        return Holder.STANDARD_PARAMETERS;
    }

    /** Reads a parameter file (YAML, the shipped file's format). */
    public static Parameters load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new ParameterException(file + ": cannot read parameter file: " + e.getMessage(), e);
        }
    }

    /** Reads a parameter table; {@code sourceName} names it in error messages. */
    public static Parameters parse(InputStream in, String sourceName) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new ParameterException(sourceName + ": not a readable YAML parameter file: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ParameterException(sourceName + ": expected a mapping with 'version', 'coverage' and 'parameters'");
        }
        String version = text(root, "version", sourceName);
        JsonNode coverage = root.path("coverage");
        LocalDate from = date(coverage.get("from"), sourceName + ": coverage.from");
        LocalDate until = date(coverage.get("until"), sourceName + ": coverage.until");
        JsonNode params = root.path("parameters");
        Map<String, Parameter> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = sourceName + ": parameters." + entry.getKey();
            if (!NAMES.contains(entry.getKey())) {
                throw new ParameterException(where + ": unknown parameter (known: " + String.join(", ", NAMES) + ")");
            }
            parsed.put(entry.getKey(), Parameter.parse(entry.getKey(), entry.getValue(), where));
        }
        for (String name : NAMES) {
            if (!parsed.containsKey(name)) {
                throw new ParameterException(sourceName + ": parameters." + name + " is missing");
            }
            if (parsed.get(name).values().get(0).from().isAfter(from)) {
                throw new ParameterException(sourceName + ": parameters." + name + " has no value on " + from
                        + ", the start of the coverage");
            }
        }
        // The constructor resolves every period, so a badly typed value fails here, at load time.
        return new Parameters(version, sourceName, from, until, parsed);
    }

    /**
     * A copy in which parameter {@code name} takes {@code value} from {@code from} on (a what-if
     * overlay: the baseline is never edited). The value is written as in the parameter file.
     */
    public Parameters withValue(String name, String value, LocalDate from) {
        Parameter old = parameters.get(name);
        if (old == null) {
            throw new ParameterException("unknown parameter '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
        JsonNode node;
        try {
            node = YAML.readTree(value);
        } catch (IOException e) {
            throw new ParameterException(name + ": cannot read value '" + value + "'", e);
        }
        Map<String, Parameter> changed = new LinkedHashMap<>(parameters);
        changed.put(name, old.withValueFrom(from, node, "what-if overlay"));
        return new Parameters(version + "+" + name + "=" + value + "@" + from, source, coverageFrom,
                coverageUntil, changed);
    }

    /** The parameters in force on {@code date}. */
    public ParameterSet on(LocalDate date) {
        if (date.isBefore(coverageFrom) || date.isAfter(coverageUntil)) {
            throw new ParameterException("no parameters for " + date + ": the parameter table (" + version
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

    /** True when the table covers {@code date}. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(coverageFrom) && !date.isAfter(coverageUntil);
    }

    /** The table's version, carried into every decision's {@code rulesVersion}. */
    public String version() {
        return version;
    }

    /** Where the table was read from. */
    public String source() {
        return source;
    }

    public LocalDate coverageFrom() {
        return coverageFrom;
    }

    public LocalDate coverageUntil() {
        return coverageUntil;
    }

    /** The legal source of the value of {@code name} in force on {@code date}. */
    public String referenceOn(String name, LocalDate date) {
        Parameter parameter = parameters.get(name);
        if (parameter == null) {
            throw new ParameterException("unknown parameter '" + name + "'");
        }
        return parameter.valueOn(date).reference();
    }

    /** Every parameter name with its unit and description, in table order. */
    public Map<String, String> descriptions() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : NAMES) {
            Parameter p = parameters.get(name);
            result.put(name, p.description() + " (" + p.unit() + ")");
        }
        return result;
    }

    private ParameterSet[] buildPeriods() {
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
        ParameterSet[] result = new ParameterSet[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            LocalDate start = ordered.get(i);
            LocalDate end = i + 1 < ordered.size() ? ordered.get(i + 1).minusDays(1) : coverageUntil;
            result[i] = resolve(start, end);
        }
        return result;
    }

    private ParameterSet resolve(LocalDate start, LocalDate end) {
        return new ParameterSet(start, end,
                decimal("priceBaseAmount", start),
                decimal("sgiCeilingFactor", start),
                decimal("sgiFloorShare", start),
                decimal("sgiRoundingUnit", start),
                decimal("sicknessBenefitShare", start),
                decimal("sicknessBenefitRate", start),
                integer("daysPerYear", start),
                levels("benefitLevels", start),
                integer("workingTimeDaysPerSickPeriod", start),
                positiveDecimal("hourlyRateRoundingUnit", start),
                positiveDecimal("workingHoursRoundingUnit", start),
                decimal("minimumRiskReduction", start),
                integer("minimumPlanSessions", start),
                integer("providerMinimumOtherCompetences", start),
                decimal("grantShareOfCost", start),
                decimal("grantCapPerEmployee", start),
                decimal("grantCapPerEmployer", start),
                monthDay("applicationDeadline", start),
                localDate("extendedMeasuresInForce", start),
                decimal("grantCapPerApplication", start),
                localDate("grantYearlyCapsInForce", start));
    }

    private JsonNode raw(String name, LocalDate date) {
        return parameters.get(name).valueOn(date).value();
    }

    private String where(String name, LocalDate date) {
        return source + ": parameters." + name + " (value from " + parameters.get(name).valueOn(date).from() + ")";
    }

    private BigDecimal decimal(String name, LocalDate date) {
        JsonNode v = raw(name, date);
        if (!v.isNumber()) {
            throw new ParameterException(where(name, date) + ": expected a number, got " + v);
        }
        return v.decimalValue();
    }

    private BigDecimal positiveDecimal(String name, LocalDate date) {
        BigDecimal v = decimal(name, date);
        if (v.signum() <= 0) {
            throw new ParameterException(where(name, date) + ": must be greater than 0, got " + v.toPlainString());
        }
        return v;
    }

    private int integer(String name, LocalDate date) {
        JsonNode v = raw(name, date);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ParameterException(where(name, date) + ": expected a whole number, got " + v);
        }
        return v.intValue();
    }

    private List<BigDecimal> levels(String name, LocalDate date) {
        JsonNode v = raw(name, date);
        if (!v.isArray() || v.isEmpty()) {
            throw new ParameterException(where(name, date) + ": expected a list of levels, highest first");
        }
        List<BigDecimal> result = new ArrayList<>();
        for (JsonNode level : v) {
            if (!level.isNumber()) {
                throw new ParameterException(where(name, date) + ": expected numbers, got " + level);
            }
            BigDecimal d = level.decimalValue();
            if (!result.isEmpty() && d.compareTo(result.get(result.size() - 1)) >= 0) {
                throw new ParameterException(where(name, date) + ": levels must be listed highest first");
            }
            result.add(d);
        }
        return result;
    }

    private MonthDay monthDay(String name, LocalDate date) {
        JsonNode v = raw(name, date);
        try {
            return MonthDay.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new ParameterException(where(name, date) + ": expected a month-day like --02-01, got " + v);
        }
    }

    private LocalDate localDate(String name, LocalDate date) {
        return date(raw(name, date), where(name, date));
    }

    private static String text(JsonNode node, String field, String sourceName) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new ParameterException(sourceName + ": '" + field + "' is missing");
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

    private static final class Holder {
        static final Parameters STANDARD_PARAMETERS = loadStandard();

        private static Parameters loadStandard() {
            try (InputStream in = Parameters.class.getResourceAsStream(STANDARD)) {
                if (in == null) {
                    throw new ParameterException("the shipped parameter file " + STANDARD + " is missing from the classpath");
                }
                return parse(in, "classpath:" + STANDARD);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
