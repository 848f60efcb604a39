package se.forebygg.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * A folder of DRL files as a rule author edits them: compiled at run time to the Drools executable
 * model (needs {@code drools-model-compiler} on the class path), and checked for the project's
 * conventions. The knowledge base holds every package the files declare.
 *
 * <pre>{@code
 * List<Diagnostic> problems = RuleFolder.of(Path.of("rules-drl/src/main/resources")).check();
 * }</pre>
 */
public final class RuleFolder {
    /** Numeric literals that are counting, not law, and so may stand in a rule. */
    private static final List<BigDecimal> ALLOWED_LITERALS = List.of(BigDecimal.ZERO, BigDecimal.ONE);
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w$.])(\\d[\\d_]*(?:\\.\\d+)?|\\.\\d+)(?:[eE][+-]?\\d+)?[lLdDfFbBiI]?(?![\\w.])");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(\"[^\"\\n]*\"|'[^'\\n]*'|\\S+)");
    /** The DRL parser's own position, e.g. {@code [ERR 102] Line 40:71 mismatched input}, columns from 0. */
    private static final Pattern PARSER_POSITION = Pattern.compile("\\bLine (\\d+):(\\d+)\\b");
    private static final Pattern WHEN = Pattern.compile("\\b(when|then)\\b");
    /** A rule's salience (its stratum, see docs/rule-authoring.md) is ordering, not law: the number just read. */
    private static final Pattern SALIENCE = Pattern.compile("\\bsalience\\s+-?\\s*\\d+$");
    /** A rule's rulebook id in its metadata: {@code @ruleId("ARS-6")}. */
    private static final Pattern RULE_ID_METADATA = Pattern.compile("@ruleId\\s*\\(\\s*\"([^\"]+)\"");
    /** The file beside a benefit's rules that quotes the law they encode ({@link LawText}). */
    static final String LAW_FILE = "law.md";

    private final Path dir;
    private final Map<Path, String> sources;

    private RuleFolder(Path dir, Map<Path, String> sources) {
        this.dir = dir;
        this.sources = sources;
    }

    /** Every {@code .drl} file under {@code dir}, at any depth. */
    public static RuleFolder of(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a folder: " + dir);
        }
        Map<Path, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList()) {
                sources.put(f, Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no .drl file under " + dir);
        }
        return new RuleFolder(dir, sources);
    }

    /**
     * The {@code .drl} resources of {@code packages} on {@code loader}'s class path (in folders or
     * jars), e.g. the shipped rules: to find where a rule is written. Paths are relative to the
     * packages' common folder ({@code grant/caps.drl} for {@code se/forebygg/rules/grant/caps.drl}).
     */
    public static RuleFolder onClassPath(ClassLoader loader, Collection<String> packages) {
        List<String> folders = packages.stream().map(p -> p.replace('.', '/')).sorted().toList();
        String common = folders.isEmpty() ? "" : folders.get(0);
        for (String f : folders) {
            while (!(f + "/").startsWith(common.isEmpty() ? "" : common + "/")) {
                common = common.contains("/") ? common.substring(0, common.lastIndexOf('/')) : "";
            }
        }
        Path base = Path.of(common.isEmpty() ? "." : common);
        Map<Path, String> sources = new LinkedHashMap<>();
        for (String folder : folders) {
            try {
                for (URL url : java.util.Collections.list(loader.getResources(folder))) {
                    readDrl(url, folder, common, sources);
                }
            } catch (IOException | java.net.URISyntaxException e) {
                throw new IllegalStateException("cannot read the rules of " + folder + " on the class path", e);
            }
        }
        return new RuleFolder(base, sources);
    }

    /** The {@code .drl} files directly in the class-path folder {@code url} (a directory or a jar entry). */
    private static void readDrl(URL url, String folder, String common, Map<Path, String> sources)
            throws IOException, java.net.URISyntaxException {
        String relative = common.isEmpty() ? folder : folder.substring(Math.min(folder.length(), common.length() + 1));
        if (url.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                    sources.put(Path.of(relative, f.getFileName().toString()), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        } else if (url.getProtocol().equals("jar")) {
            java.net.JarURLConnection connection = (java.net.JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (java.util.jar.JarFile jar = connection.getJarFile()) {
                for (java.util.jar.JarEntry entry : java.util.Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (name.startsWith(folder + "/") && name.endsWith(".drl") && name.indexOf('/', folder.length() + 1) < 0) {
                        try (var in = jar.getInputStream(entry)) {
                            sources.put(Path.of(relative, name.substring(folder.length() + 1)),
                                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
    }

    /**
     * Where rule {@code ruleName} of package {@code packageName} is declared ({@code rule "NAME"}):
     * its file, relative to the folder, and line. Empty when no file of that package declares it.
     */
    public Optional<String> where(String packageName, String ruleName) {
        return declaration(packageName, ruleName)
                .map(d -> (d.file().startsWith(dir) ? dir.relativize(d.file()) : d.file()).toString().replace('\\', '/') + ":" + d.line());
    }

    /** The declaration of the rule in a file of {@code packageName} (any package when null), as a diagnostic at it. */
    private Optional<Diagnostic> declaration(String packageName, String ruleName) {
        for (Map.Entry<Path, String> source : sources.entrySet()) {
            String text = source.getValue();
            String code = mask(text);
            if (packageName != null) {
                Matcher p = PACKAGE.matcher(code);
                if (!p.find() || !p.group(1).equals(packageName)) {
                    continue;
                }
            }
            Matcher rule = RULE.matcher(code);
            while (rule.find()) {
                String name = text.substring(rule.start(1), rule.end(1));
                if (name.length() >= 2 && (name.startsWith("\"") || name.startsWith("'"))) {
                    name = name.substring(1, name.length() - 1);
                }
                if (name.equals(ruleName)) {
                    return Optional.of(at(source.getKey(), text, rule.start(1), ""));
                }
            }
        }
        return Optional.empty();
    }

    /** The DRL files, in path order. */
    public List<Path> files() {
        return List.copyOf(sources.keySet());
    }

    /** A short hash of every file's path and text: the rules version of rules built from a folder. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sources.forEach((path, text) -> {
                sha.update(dir.relativize(path).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The result of compiling: every message, and whether the rules were built. Rules that were can be
     * given to {@code Forebygg.builder().compiledRules(folder, compilation)}, so they are not compiled twice.
     */
    public static final class Compilation {
        private final boolean succeeded;
        private final List<Diagnostic> diagnostics;

        private Compilation(KieBase kieBase, List<Diagnostic> diagnostics) {
            this.succeeded = kieBase != null;
            this.diagnostics = List.copyOf(diagnostics);
            if (kieBase != null) {
                se.forebygg.internal.KieBases.remember(this, kieBase);
            }
        }

        public boolean succeeded() {
            return succeeded;
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }

    /** Compiles the folder to the executable model; uses {@code classLoader} to find the fact classes. */
    public Compilation compile(ClassLoader classLoader) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("se.forebygg.local", "rules-" + fingerprint(), "0");
        kfs.generateAndWritePomXML(releaseId);
        // One default knowledge base of every package, as the shipped kmodule.xml has (its name matters to no one).
        kfs.writeKModuleXML("""
                <kmodule xmlns="http://www.drools.org/xsd/kmodule">
                  <kbase name="local" default="true"/>
                </kmodule>
                """);
        // Each file goes where its package says, so Drools sees the same layout as in the shipped jar.
        Map<String, Path> written = new LinkedHashMap<>();
        sources.forEach((path, text) -> {
            Matcher m = PACKAGE.matcher(mask(text));
            String folder = m.find() ? m.group(1).replace('.', '/') + "/" : "";
            String target = "src/main/resources/" + folder + path.getFileName();
            int n = 1;
            while (written.containsKey(target)) {
                target = "src/main/resources/" + folder + (n++) + "-" + path.getFileName();
            }
            written.put(target, path);
            kfs.write(target, text);
        });
        KieBuilder builder = ks.newKieBuilder(kfs, classLoader);
        builder.buildAll(org.drools.model.codegen.ExecutableModelProject.class);
        List<Diagnostic> diagnostics = new ArrayList<>();
        boolean errors = false;
        // Java the executable model generated from a consequence: its errors belong to the rule's then-block.
        Map<String, String> generated = new LinkedHashMap<>();
        Map<String, List<String>> javaErrors = new LinkedHashMap<>();
        for (Message m : builder.getResults().getMessages()) {
            if (m.getLevel() == Message.Level.ERROR && m.getPath() != null && m.getPath().endsWith(".java")) {
                String text = oneLine(m.getText());
                int source = text.indexOf(" in error: ");
                if (text.startsWith("Java source of ") && source >= 0) {
                    generated.put(m.getPath(), text.substring(source + " in error: ".length()));
                } else {
                    javaErrors.computeIfAbsent(m.getPath(), k -> new ArrayList<>()).add(text);
                }
            }
        }
        for (Message m : builder.getResults().getMessages()) {
            if (m.getLevel() == Message.Level.INFO) {
                continue;
            }
            if (m.getPath() != null && generated.containsKey(m.getPath())) {
                errors = true;
                if (oneLine(m.getText()).startsWith("Java source of ")) {
                    diagnostics.add(consequenceError(generated.get(m.getPath()),
                            javaErrors.getOrDefault(m.getPath(), List.of())));
                }
                continue;
            }
            boolean error = m.getLevel() == Message.Level.ERROR;
            errors |= error;
            Path file = m.getPath() == null ? dir : written.getOrDefault(m.getPath(),
                    written.getOrDefault("src/main/resources/" + m.getPath(), dir.resolve(m.getPath())));
            String text = oneLine(m.getText());
            Diagnostic.Level level = error ? Diagnostic.Level.ERROR : Diagnostic.Level.WARNING;
            Matcher parserAt = PARSER_POSITION.matcher(text);
            if (parserAt.find()) {
                diagnostics.add(new Diagnostic(file, Integer.parseInt(parserAt.group(1)),
                        Integer.parseInt(parserAt.group(2)) + 1, level, text));
            } else if (m.getLine() > 0) {
                diagnostics.add(new Diagnostic(file, m.getLine(), Math.max(m.getColumn(), 1), level, text));
            } else {
                diagnostics.add(locate(file, text, level));
            }
        }
        // After a syntax error the parser also says it has no package: only noise beside the real error.
        diagnostics.removeIf(d -> d.message().equals("Parser returned a null Package") && diagnostics.stream()
                .anyMatch(o -> o != d && o.isError() && o.file().equals(d.file())));
        diagnostics.sort(Diagnostic.ORDER);
        if (errors) {
            return new Compilation(null, List.copyOf(diagnostics));
        }
        KieContainer container = ks.newKieContainer(releaseId, classLoader);
        return new Compilation(se.forebygg.internal.KieBases.of(container), List.copyOf(diagnostics));
    }

    /**
     * The project's conventions (style.md): every rule names its rulebook id and legal reference in
     * metadata, and no rule holds a law number (those belong in the parameter file). Literals in
     * comments and strings are not looked at; 0 and 1 are allowed.
     */
    public List<Diagnostic> lint() {
        List<Diagnostic> warnings = new ArrayList<>();
        sources.forEach((path, text) -> {
            String code = mask(text);
            Matcher rule = RULE.matcher(code);
            while (rule.find()) {
                String name = text.substring(rule.start(1), rule.end(1));
                Matcher body = WHEN.matcher(code);
                int end = body.find(rule.end()) ? body.start() : code.length();
                String header = code.substring(rule.end(), end);
                for (String key : List.of("ruleId", "legalReference")) {
                    if (!Pattern.compile("@" + key + "\\s*\\(").matcher(header).find()) {
                        warnings.add(at(path, text, rule.start(1), "rule " + name + " has no @" + key
                                + " metadata (every rule names its rulebook id and legal reference)"));
                    }
                }
            }
            Matcher number = NUMBER.matcher(code);
            while (number.find()) {
                String literal = number.group();
                if (isAllowed(number.group(1)) || SALIENCE.matcher(code.substring(0, number.end())).find()) {
                    continue;
                }
                warnings.add(at(path, text, number.start(), "numeric literal " + literal
                        + " in a rule: law numbers belong in the parameter file"));
            }
        });
        warnings.sort(Diagnostic.ORDER);
        return List.copyOf(warnings);
    }

    /**
     * Every folder of DRL files that holds a {@code law.md} ({@link LawText}) is checked against it: a
     * rule id that no passage of the law names, a paragraph of law that no rule cites, an id the law
     * names that no rule of the folder carries, and lines that do not follow the format. A folder
     * without a {@code law.md} is not checked (the shipped benefit folders all have one).
     */
    public List<Diagnostic> lawCoverage() {
        List<Diagnostic> found = new ArrayList<>();
        Map<Path, List<Path>> byFolder = new LinkedHashMap<>();
        sources.keySet().forEach(f -> byFolder.computeIfAbsent(f.getParent(), d -> new ArrayList<>()).add(f));
        byFolder.forEach((folder, files) -> {
            Path lawFile = folder.resolve(LAW_FILE);
            if (!Files.isRegularFile(lawFile)) {
                return;
            }
            LawText law;
            try {
                law = LawText.parse(Files.readString(lawFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            law.problems().forEach(p -> found.add(new Diagnostic(lawFile, p.line(), 1, Diagnostic.Level.WARNING, p.message())));
            StringBuilder allText = new StringBuilder();
            for (Path file : files) {
                String text = sources.get(file);
                allText.append(text).append('\n');
                String code = mask(text);
                Matcher id = RULE_ID_METADATA.matcher(text);
                while (id.find()) {
                    if (code.charAt(id.start()) != '@') {
                        continue; // in a comment
                    }
                    if (law.lineOf(id.group(1)) == 0) {
                        found.add(at(file, text, id.start(1), "rule id " + id.group(1) + " is not in " + LAW_FILE
                                + ": quote there the passage of law it encodes, with 'Rules: " + id.group(1) + "' under it"));
                    }
                }
            }
            for (LawText.Paragraph paragraph : law.paragraphs()) {
                if (!paragraph.citedByAnyRule()) {
                    found.add(new Diagnostic(lawFile, paragraph.line(), 1, Diagnostic.Level.WARNING,
                            "no rule cites \"" + paragraph.heading() + "\": encode it, or say in the rulebook why not"));
                }
                for (LawText.Citation citation : paragraph.citations()) {
                    for (String ruleId : citation.ruleIds()) {
                        if (!Pattern.compile("\\b" + Pattern.quote(ruleId) + "\\b").matcher(allText).find()) {
                            found.add(new Diagnostic(lawFile, citation.line(), 1, Diagnostic.Level.WARNING,
                                    LAW_FILE + " names " + ruleId + ", which no rule beside it mentions"));
                        }
                    }
                }
            }
        });
        found.sort(Diagnostic.ORDER);
        return List.copyOf(found);
    }

    /**
     * A problem of the rule named {@code ruleName}, placed where the folder declares it
     * ({@code rule "NAME"}); at the folder when no file does.
     */
    public Diagnostic aboutRule(String ruleName, Diagnostic.Level level, String message) {
        return declaration(null, ruleName).map(d -> new Diagnostic(d.file(), d.line(), 1, level, message))
                .orElseGet(() -> new Diagnostic(dir, 0, 0, level, message));
    }

    /** A consequence's generated body: {@code execute(…) throws java.lang.Exception { BODY } }. */
    private static final Pattern CONSEQUENCE_BODY =
            Pattern.compile("\\bexecute\\([^)]*\\)\\s*throws\\s+java\\.lang\\.Exception\\s*\\{(.*)\\}\\s*\\}\\s*$");

    /**
     * An error in the Java generated from a rule's consequence, placed at the consequence in the DRL
     * (found by its text, whitespace aside) and naming the rule; at the folder when it cannot be found.
     */
    private Diagnostic consequenceError(String javaSource, List<String> javacErrors) {
        String why = javacErrors.isEmpty() ? "the Java does not compile" : String.join("; ", javacErrors);
        Matcher body = CONSEQUENCE_BODY.matcher(javaSource);
        if (body.find()) {
            String wanted = body.group(1).replaceAll("\\s+", "");
            for (String statement : wanted.isEmpty() ? List.<String>of() : List.of(wanted, wanted.split("(?<=;)")[0])) {
                for (Map.Entry<Path, String> source : sources.entrySet()) {
                    String text = source.getValue();
                    StringBuilder squeezed = new StringBuilder();
                    List<Integer> at = new ArrayList<>();
                    for (int i = 0; i < text.length(); i++) {
                        if (!Character.isWhitespace(text.charAt(i))) {
                            squeezed.append(text.charAt(i));
                            at.add(i);
                        }
                    }
                    int found = squeezed.indexOf(statement);
                    if (found < 0) {
                        continue;
                    }
                    int offset = at.get(found);
                    String rule = null;
                    Matcher r = RULE.matcher(mask(text));
                    while (r.find() && r.start(1) < offset) {
                        rule = text.substring(r.start(1), r.end(1));
                    }
                    Diagnostic d = at(source.getKey(), text, offset, "");
                    return new Diagnostic(source.getKey(), d.line(), d.column(), Diagnostic.Level.ERROR,
                            (rule == null ? "" : "rule " + rule + ": ") + "the consequence does not compile: " + why);
                }
            }
        }
        return new Diagnostic(dir, 0, 0, Diagnostic.Level.ERROR, "generated Java does not compile: " + why);
    }

    /** Compile errors and warnings, then the convention warnings and the law's coverage. */
    public List<Diagnostic> check(ClassLoader classLoader) {
        List<Diagnostic> all = new ArrayList<>(compile(classLoader).diagnostics());
        all.addAll(lint());
        all.addAll(lawCoverage());
        all.sort(Diagnostic.ORDER);
        return List.copyOf(all);
    }

    /**
     * The executable model reports some errors without a position, but quotes the offending
     * expression or names the rule: the first place in the file where that text occurs.
     */
    private Diagnostic locate(Path file, String message, Diagnostic.Level level) {
        String source = sources.get(file);
        if (source != null) {
            List<String> candidates = new ArrayList<>();
            Matcher quoted = Pattern.compile("\"([^\"]{3,})\"|'([^']{3,})'").matcher(message);
            int colon = message.lastIndexOf(": ");
            if (colon >= 0) {
                candidates.add(message.substring(colon + 2).strip());
            }
            while (quoted.find()) {
                candidates.add(quoted.group(1) != null ? quoted.group(1) : quoted.group(2));
            }
            for (String c : candidates) {
                int at = c.length() >= 3 ? source.indexOf(c) : -1;
                if (at >= 0) {
                    Diagnostic d = at(file, source, at, message);
                    return new Diagnostic(file, d.line(), d.column(), level, message);
                }
            }
        }
        return new Diagnostic(file, 1, 1, level, message);
    }

    private static boolean isAllowed(String digits) {
        try {
            BigDecimal value = new BigDecimal(digits.replace("_", ""));
            return ALLOWED_LITERALS.stream().anyMatch(a -> a.compareTo(value) == 0);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Diagnostic at(Path file, String text, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Diagnostic(file, line, offset - lineStart + 1, Diagnostic.Level.WARNING, message);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The text with comments and the insides of strings blanked out, offsets and line breaks kept. */
    static String mask(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && next == '*') {
                int close = text.indexOf("*/", i + 2);
                int stop = close < 0 ? n : close + 2;
                for (; i < stop; i++) {
                    if (text.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        out.setCharAt(i++, ' ');
                    }
                    out.setCharAt(i++, ' ');
                }
                i++;
            } else {
                i++;
            }
        }
        return out.toString();
    }
}
