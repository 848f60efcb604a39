package se.forebygg.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The result of compiling: a knowledge base when there was no error, and every message. */
    public record Compilation(KieBase kieBase, List<Diagnostic> diagnostics) {
        public boolean succeeded() {
            return kieBase != null;
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
        for (Message m : builder.getResults().getMessages()) {
            if (m.getLevel() == Message.Level.INFO) {
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
                if (isAllowed(number.group(1))) {
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
     * A problem of the rule named {@code ruleName}, placed where the folder declares it
     * ({@code rule "NAME"}); at the folder when no file does.
     */
    public Diagnostic aboutRule(String ruleName, Diagnostic.Level level, String message) {
        Pattern declaration = Pattern.compile("(?m)^\\s*rule\\s+\"" + Pattern.quote(ruleName) + "\"");
        for (Map.Entry<Path, String> source : sources.entrySet()) {
            Matcher m = declaration.matcher(source.getValue());
            if (m.find()) {
                String before = source.getValue().substring(0, m.start());
                int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
                return new Diagnostic(source.getKey(), line, 1, level, message);
            }
        }
        return new Diagnostic(dir, 0, 0, level, message);
    }

    /** Compile errors and warnings, then the convention warnings. */
    public List<Diagnostic> check(ClassLoader classLoader) {
        List<Diagnostic> all = new ArrayList<>(compile(classLoader).diagnostics());
        all.addAll(lint());
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
