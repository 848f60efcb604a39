package se.forebygg.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The dated parameter table: every law number with the date it took effect and its source, one file per
 * benefit ({@code <benefit>/parameters.yaml} beside the benefit's rules, found through
 * {@link ParameterFile#parameterFile()}), each bound by name to the benefit's record
 * ({@link ParameterFile#parameterRecord()}). Immutable and safe to share. Values are looked up by a date of
 * the case, never the wall clock.
 *
 * <p>A parameter's name is unique across benefits, so that {@link #withValue} and {@link #value} can
 * name it alone. Every benefit's file carries the same {@code version}: that is the table's
 * {@link #version()}, carried into every decision's {@code rulesVersion}.
 */
public final class Parameters {

    /** The file a benefit's parameters are in, in a parameters folder: {@code <benefit>/parameters.yaml}. */
    public static final String FILE_NAME = "parameters.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A benefit that has parameters: its name (the folder its file sits in), its record and its file. */
    record Kind(String name, Class<? extends Period> type, String resource) {
    }

    private final List<Kind> kinds;
    private final String version;
    private final Map<Class<? extends Period>, Table> tables;
    private final Map<String, Table> byName;
    private final LocalDate coverageFrom;
    private final LocalDate coverageUntil;

    private Parameters(List<Kind> kinds, String version, Map<Class<? extends Period>, Table> tables) {
        this.kinds = List.copyOf(kinds);
        this.version = version;
        this.tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        Map<String, Table> names = new LinkedHashMap<>();
        for (Table table : tables.values()) {
            for (String name : table.names()) {
                Table other = names.putIfAbsent(name, table);
                if (other != null) {
                    throw new ParameterException(table.source() + ": parameters." + name + ": the name is also a parameter of "
                            + other.source() + " (" + other.type().getSimpleName() + "); a parameter's name must be"
                            + " unique across benefits");
                }
            }
        }
        this.byName = names;
        this.coverageFrom = tables.values().stream().map(Table::coverageFrom).max(LocalDate::compareTo)
                .orElse(LocalDate.MIN);
        this.coverageUntil = tables.values().stream().map(Table::coverageUntil).min(LocalDate::compareTo)
                .orElse(LocalDate.MIN);
    }

    /** A table of {@code tables}, whose files must all carry the same version. */
    private static Parameters of(List<Kind> kinds, Map<Class<? extends Period>, Table> tables) {
        Table first = null;
        for (Table table : tables.values()) {
            if (first == null) {
                first = table;
            } else if (!first.version().equals(table.version())) {
                throw new ParameterException(table.source() + ": version '" + table.version() + "' differs from version '"
                        + first.version() + "' of " + first.source() + "; every benefit's parameter file must carry the"
                        + " same version");
            }
        }
        if (first == null) {
            throw new ParameterException("no benefit with parameters on the class path: add rules-drl");
        }
        return new Parameters(kinds, first.version(), tables);
    }

    /** The parameter table shipped with the rules on the class path. */
    public static Parameters standard() {
        return Holder.STANDARD_PARAMETERS;
    }

    /**
     * The shipped table with the benefits' tables that {@code fileOrFolder} holds in their place: a file
     * replaces the table of the benefit whose parameters it names; a folder holds
     * {@code <benefit>/parameters.yaml} for some benefits (e.g. {@code rules-drl/src/main/resources/se/forebygg/rules}).
     */
    public static Parameters load(Path fileOrFolder) {
        return standard().replacedFrom(fileOrFolder);
    }

    /** This table with the benefits' tables that {@code fileOrFolder} holds in their place (see {@link #load}). */
    public Parameters replacedFrom(Path fileOrFolder) {
        Map<Class<? extends Period>, Table> changed = new LinkedHashMap<>(tables);
        if (Files.isDirectory(fileOrFolder)) {
            Set<String> known = kinds.stream().map(Kind::name).collect(Collectors.toCollection(TreeSet::new));
            boolean found = false;
            try (DirectoryStream<Path> children = Files.newDirectoryStream(fileOrFolder)) {
                for (Path child : children) {
                    Path file = child.resolve(FILE_NAME);
                    if (Files.isRegularFile(file) && !known.contains(child.getFileName().toString())) {
                        throw new ParameterException(file + ": no benefit is named '" + child.getFileName()
                                + "' (benefits: " + String.join(", ", known) + ")");
                    }
                }
            } catch (IOException e) {
                throw new ParameterException(fileOrFolder + ": cannot read parameter folder: " + e.getMessage(), e);
            }
            for (Kind kind : kinds) {
                Path file = fileOrFolder.resolve(kind.name()).resolve(FILE_NAME);
                if (Files.isRegularFile(file)) {
                    changed.put(kind.type(), Table.parse(kind.type(), read(file), file.toString()));
                    found = true;
                }
            }
            if (!found) {
                throw new ParameterException(fileOrFolder + ": holds no <benefit>/" + FILE_NAME + " (benefits: "
                        + String.join(", ", known) + ")");
            }
        } else {
            JsonNode root = read(fileOrFolder);
            Kind kind = kindNamedIn(root, fileOrFolder.toString());
            changed.put(kind.type(), Table.parse(kind.type(), root, fileOrFolder.toString()));
        }
        return of(kinds, changed);
    }

    /** The benefit whose parameters the file names: the one benefit whose record has a component of a key's name. */
    private Kind kindNamedIn(JsonNode root, String source) {
        Set<String> keys = new LinkedHashSet<>();
        if (root != null && root.path("parameters").isObject()) {
            root.path("parameters").fieldNames().forEachRemaining(keys::add);
        }
        List<Kind> named = new ArrayList<>();
        List<String> which = new ArrayList<>();
        for (Kind kind : kinds) {
            Set<String> shared = Table.shared(keys, new LinkedHashSet<>(Table.names(kind.type())));
            if (!shared.isEmpty()) {
                named.add(kind);
                which.add(kind.name() + " (" + String.join(", ", shared) + ")");
            }
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.isEmpty()) {
            throw new ParameterException(source + ": names no benefit's parameters (" + String.join(", ", keys)
                    + "); known: " + String.join(", ", byName.keySet()));
        }
        throw new ParameterException(source + ": names parameters of several benefits: " + String.join("; ", which)
                + "; give each benefit its own file (<benefit>/" + FILE_NAME + ")");
    }

    private static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new ParameterException(file + ": cannot read parameter file: " + e.getMessage(), e);
        }
    }

    /**
     * A table of the given files, for tests of the binding: {@code files} maps each record to its file's
     * name and YAML text. The files must carry the same version and name each parameter once.
     */
    static Parameters parse(Map<Class<? extends Period>, Map.Entry<String, String>> files) {
        List<Kind> kinds = new ArrayList<>();
        Map<Class<? extends Period>, Table> tables = new LinkedHashMap<>();
        files.forEach((type, file) -> {
            JsonNode root;
            try {
                root = YAML.readTree(file.getValue());
            } catch (IOException e) {
                throw new ParameterException(file.getKey() + ": not a readable YAML parameter file: " + e.getMessage(), e);
            }
            kinds.add(new Kind(type.getSimpleName(), type, file.getKey()));
            tables.put(type, Table.parse(type, root, file.getKey()));
        });
        return of(kinds, tables);
    }

    /**
     * A copy in which parameter {@code name} takes {@code value} from {@code from} on (a what-if
     * overlay: the baseline is never edited). The value is written as in the parameter file, and checked at
     * once against its type and range; a {@link ParameterException} names the value, not the file.
     */
    public Parameters withValue(String name, String value, LocalDate from) {
        Table old = byName.get(name);
        if (old == null) {
            throw new ParameterException("unknown parameter '" + name + "' (known: " + String.join(", ", byName.keySet()) + ")");
        }
        JsonNode node;
        try {
            node = YAML.readTree(value);
        } catch (IOException e) {
            throw new ParameterException(name + ": cannot read value '" + value + "'", e);
        }
        Map<Class<? extends Period>, Table> changed = new LinkedHashMap<>(tables);
        changed.put(old.type(), old.withValue(name, node, from, "the value '" + value + "' of " + name));
        return new Parameters(kinds, version + "+" + name + "=" + value + "@" + from, changed);
    }

    /** The record of {@code type}'s benefit in force on {@code date}. */
    public <R extends Period> R on(Class<R> type, LocalDate date) {
        return type.cast(table(type).on(date, version));
    }

    /**
     * The value of parameter {@code name} in force on {@code date}, typed as its benefit's record holds it:
     * {@link java.math.BigDecimal}, {@link Integer}, {@link LocalDate}, {@link java.time.MonthDay},
     * a {@link List} of those.
     */
    @SuppressWarnings("unchecked")
    public <T> T value(String name, LocalDate date) {
        Table table = byName.get(name);
        if (table == null) {
            throw new ParameterException("unknown parameter '" + name + "' (known: " + String.join(", ", byName.keySet()) + ")");
        }
        return (T) table.value(name, date, version);
    }

    /** Every parameter's name, benefit by benefit. */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(byName.keySet());
    }

    /** True when the table of {@code type}'s benefit covers {@code date}. */
    public boolean covers(Class<? extends Period> type, LocalDate date) {
        return table(type).covers(date);
    }

    /** True when every benefit's table covers {@code date}. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(coverageFrom) && !date.isAfter(coverageUntil);
    }

    /** The table's version, carried into every decision's {@code rulesVersion}: the version all its files carry. */
    public String version() {
        return version;
    }

    /** The first day every benefit's table covers. */
    public LocalDate coverageFrom() {
        return coverageFrom;
    }

    /** The last day every benefit's table covers. */
    public LocalDate coverageUntil() {
        return coverageUntil;
    }

    private Table table(Class<? extends Period> type) {
        Table table = tables.get(type);
        if (table == null) {
            throw new ParameterException("no parameter file is bound to " + type.getName());
        }
        return table;
    }

    private static final class Holder {
        static final Parameters STANDARD_PARAMETERS = loadStandard();

        private static Parameters loadStandard() {
            List<Kind> kinds = new ArrayList<>();
            Map<Class<? extends Period>, Table> tables = new LinkedHashMap<>();
            for (Iterator<ParameterFile> it = ServiceLoader.load(ParameterFile.class, Parameters.class.getClassLoader()).iterator();
                 it.hasNext(); ) {
                ParameterFile benefit = it.next();
                String resource = benefit.parameterFile();
                Class<? extends Period> type = benefit.parameterRecord();
                Path path = Path.of(resource);
                String name = path.getParent() == null ? type.getSimpleName() : path.getParent().getFileName().toString();
                kinds.add(new Kind(name, type, resource));
                String source = "classpath:" + resource;
                try (InputStream in = benefit.getClass().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new ParameterException("the shipped parameter file " + resource + " is missing from the classpath");
                    }
                    tables.put(type, Table.parse(type, YAML.readTree(in), source));
                } catch (IOException e) {
                    throw new ParameterException(source + ": not a readable YAML parameter file: " + e.getMessage(), e);
                }
            }
            return of(kinds, tables);
        }
    }
}
