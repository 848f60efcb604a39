package se.forebygg.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import se.forebygg.engine.Case;
import se.forebygg.engine.CaseType;
import se.forebygg.engine.InvalidCaseException;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.internal.SeenIds;

/**
 * Reads cases as the contract allows them: one JSON case, a JSON array of cases, or JSON Lines.
 * Streams: one case is in memory at a time. Each case read is an {@link Input.Read}, which remembers
 * the line of each of its values; a bad case becomes an {@link Input.Unread} holding the
 * {@link Result.Refused} that names the line and JSON path; reading goes on with the next case
 * (in JSON Lines always; in an array or document until the JSON itself is broken, after which
 * nothing more can be read reliably).
 */
public final class CaseReader implements Iterator<Input>, Closeable {
    private static final int PROBE_LIMIT = 16 * 1024 * 1024;
    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");

    private final ObjectMapper mapper;
    private final BufferedReader in;
    private final JsonFactory factory;
    /** The fast path's parser: nesting it allows stays within what {@link LocatedTree} accepts. */
    private final JsonFactory lineFactory;
    private final ObjectReader caseReader;
    private final Deque<Input> pending = new ArrayDeque<>();
    private final SeenIds seenIds = new SeenIds();
    private Mode mode;
    private JsonParser document;
    private int lineNo;
    private int documentLineOffset;
    private boolean finished;

    private enum Mode { LINES, ARRAY, DOCUMENT }

    private CaseReader(Reader reader, ObjectMapper mapper) {
        this.mapper = mapper;
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build())
                .build();
        this.lineFactory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(LocatedTree.MAX_DEPTH).build())
                .build();
        this.caseReader = mapper.readerFor(Case.class);
    }

    /** Reads cases from {@code reader} (UTF-8 text; a byte order mark is skipped). */
    public static CaseReader open(Reader reader) {
        return new CaseReader(reader, ForebyggJson.newMapper());
    }

    /**
     * A reader of JSON Lines that the caller splits and numbers itself (e.g. a dataset spread over many
     * machines): each {@link #readLine} reads one line. It reads nothing by iteration.
     */
    public static CaseReader ofLines() {
        return new CaseReader(Reader.nullReader(), ForebyggJson.newMapper());
    }

    /**
     * Line {@code number} of JSON Lines, read as a stream of JSON Lines reads that line: a case, or an
     * input refused with the error naming the line and path; null for a blank line. Unlike a stream, one
     * line knows no other: a caseId read on another line is not checked here (the caller that sees all
     * lines refuses the later ones with {@link #duplicate}).
     */
    public Input readLine(String line, int number) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return parseLine(line, number);
        } finally {
            seenIds.clear();
        }
    }

    /** What a stream of cases gives in place of a case whose caseId was read already, first on line {@code firstLine}. */
    public static Result.Refused duplicate(String caseId, Integer line, int firstLine) {
        return new Result.Refused(caseId, line, "$.caseId", "duplicate caseId '" + caseId + "' (first on line " + firstLine + ")");
    }

    @Override
    public boolean hasNext() {
        if (pending.isEmpty() && !finished) {
            try {
                readMore();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return !pending.isEmpty();
    }

    @Override
    public Input next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.removeFirst();
    }

    @Override
    public void close() throws IOException {
        if (document != null) {
            document.close();
        }
        in.close();
    }

    private void readMore() throws IOException {
        if (mode == null) {
            detectMode();
            if (finished) {
                return;
            }
        }
        switch (mode) {
            case LINES -> readLine();
            case ARRAY, DOCUMENT -> readFromDocument();
            default -> throw new IllegalStateException();
        }
    }

    private void detectMode() throws IOException {
        in.mark(PROBE_LIMIT);
        int skippedLines = 0;
        int c;
        boolean first = true;
        while ((c = in.read()) != -1) {
            if (first && c == '\uFEFF') {
                first = false;
                continue;
            }
            first = false;
            if (c == '\n') {
                skippedLines++;
            } else if (!Character.isWhitespace(c)) {
                break;
            }
        }
        if (c == -1) {
            pending.add(new Input.Unread(new Result.Refused(null, 1, "$", "the input holds no case")));
            finished = true;
            return;
        }
        if (c == '[') {
            in.reset();
            skipBom();
            mode = Mode.ARRAY;
            openDocument(0);
            JsonToken start = document.nextToken();
            if (start != JsonToken.START_ARRAY) {
                throw new IllegalStateException("expected an array");
            }
            return;
        }
        if (c != '{') {
            pending.add(new Input.Unread(new Result.Refused(null, skippedLines + 1, "$",
                    "expected a JSON object, an array of objects, or JSON Lines; found '" + (char) c + "'")));
            finished = true;
            return;
        }
        // An object: JSON Lines if its first line is a whole value, else one (pretty-printed) document.
        in.reset();
        skipBom();
        for (int i = 0; i < skippedLines; i++) {
            in.readLine();
        }
        in.mark(PROBE_LIMIT);
        String firstLine = in.readLine();
        if (isWholeValue(firstLine)) {
            mode = Mode.LINES;
            lineNo = skippedLines + 1;
            pending.add(parseLine(firstLine, lineNo));
        } else {
            in.reset();
            mode = Mode.DOCUMENT;
            openDocument(skippedLines);
        }
    }

    private void skipBom() throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
    }

    private boolean isWholeValue(String line) {
        try (JsonParser p = factory.createParser(line)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            p.nextToken();
            return true;
        } catch (IOException e) {
            // Cut short: the first line opens a pretty-printed document. Broken otherwise: a bad JSON line.
            return !(e instanceof com.fasterxml.jackson.core.io.JsonEOFException)
                    && !String.valueOf(e.getMessage()).contains("end-of-input");
        }
    }

    private void openDocument(int lineOffset) throws IOException {
        documentLineOffset = lineOffset;
        document = factory.createParser(in);
    }

    private void readLine() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (!line.isBlank()) {
                pending.add(parseLine(line, lineNo));
                return;
            }
        }
        finished = true;
    }

    private Input parseLine(String line, int number) {
        Input fast = bindLine(line, number);
        return fast != null ? fast : parseLineLocated(line, number);
    }

    /**
     * The common case fast: a good case binds straight from the line, without a located tree (on
     * one line every value is on that line). Null when anything is wrong, and the located path
     * then says exactly what.
     */
    private Input bindLine(String line, int number) {
        try (JsonParser p = lineFactory.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Case value = caseReader.readValue(p);
            if (value == null || p.nextToken() != null || seenIds.contains(value.caseId())) {
                return null;
            }
            seenIds.putIfAbsent(value.caseId(), number);
            return new Input.Read(value, Input.Lines.onLine(number));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Input parseLineLocated(String line, int number) {
        try (JsonParser p = factory.createParser(line)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                return new Input.Unread(new Result.Refused(null, number, "$", "expected a JSON object (a case), found " + describe(t)));
            }
            LocatedTree tree = LocatedTree.read(p, number - 1);
            JsonToken after = p.nextToken();
            if (after != null) {
                return new Input.Unread(new Result.Refused(caseIdOf(tree.root), number, "$",
                        "unexpected content after the case on the same line"));
            }
            return bind(tree);
        } catch (LocatedTree.DepthException e) {
            return new Input.Unread(new Result.Refused(null, e.line, e.path, e.getMessage()));
        } catch (JsonProcessingException e) {
            return new Input.Unread(new Result.Refused(null, number, "$", "malformed JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readFromDocument() throws IOException {
        try {
            JsonToken t = document.nextToken();
            if (t == null || (mode == Mode.ARRAY && t == JsonToken.END_ARRAY)) {
                if (mode == Mode.ARRAY && document.nextToken() != null) {
                    pending.add(new Input.Unread(new Result.Refused(null, line(document), "$",
                            "unexpected content after the array of cases")));
                }
                finished = true;
                return;
            }
            if (t != JsonToken.START_OBJECT) {
                int at = line(document);
                document.skipChildren();
                pending.add(new Input.Unread(new Result.Refused(null, at, "$", "expected a JSON object (a case), found " + describe(t))));
                return;
            }
            pending.add(bind(LocatedTree.read(document, documentLineOffset)));
        } catch (LocatedTree.DepthException e) {
            pending.add(new Input.Unread(new Result.Refused(null, e.line, e.path, e.getMessage())));
            finished = true;
        } catch (JsonProcessingException e) {
            int at = e.getLocation() == null ? line(document) : e.getLocation().getLineNr() + documentLineOffset;
            pending.add(new Input.Unread(new Result.Refused(null, at, "$", "malformed JSON: " + e.getOriginalMessage()
                    + "; the rest of the input cannot be read")));
            finished = true;
        }
    }

    private int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr() + documentLineOffset;
    }

    private Input bind(LocatedTree tree) {
        String caseId = caseIdOf(tree.root);
        Case value;
        try {
            value = mapper.treeToValue(tree.root, Case.class);
        } catch (InvalidTypeIdException e) {
            JsonNode type = tree.root.get("type");
            String message = type == null || type.isNull() ? "is required"
                    : "unknown type " + type + " (known: " + Arrays.stream(CaseType.values()).map(CaseType::id)
                    .collect(Collectors.joining(", ")) + ")";
            return new Input.Unread(new Result.Refused(caseId, tree.lineOf("$.type"), "$.type", message));
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof InvalidCaseException invalid) {
                String path = pathOf(e) + invalid.path().substring(1);
                return new Input.Unread(new Result.Refused(caseId, tree.lineOf(path), path, invalid.reason()));
            }
            return new Input.Unread(new Result.Refused(caseId, tree.lineOf(pathOf(e)), pathOf(e), e.getOriginalMessage()));
        } catch (InvalidFormatException e) {
            String path = pathOf(e);
            return new Input.Unread(new Result.Refused(caseId, tree.lineOf(path), path, formatMessage(e)));
        } catch (MismatchedInputException e) {
            String path = pathOf(e);
            Matcher missing = MISSING.matcher(e.getOriginalMessage());
            if (missing.find()) {
                String field = "." + missing.group(1);
                path = path.endsWith(field) ? path : path + field;
                return new Input.Unread(new Result.Refused(caseId, tree.lineOf(path), path, "is required"));
            }
            return new Input.Unread(new Result.Refused(caseId, tree.lineOf(path), path, mismatchMessage(e)));
        } catch (DatabindException e) {
            String path = e instanceof JsonMappingException m ? pathOf(m) : "$";
            return new Input.Unread(new Result.Refused(caseId, tree.lineOf(path), path, firstLine(e.getOriginalMessage())));
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidCaseException invalid) {
                return new Input.Unread(new Result.Refused(caseId, tree.lineOf(invalid.path()), invalid.path(), invalid.reason()));
            }
            return new Input.Unread(new Result.Refused(caseId, tree.lineOf("$"), "$", firstLine(e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Integer firstSeen = seenIds.putIfAbsent(value.caseId(), tree.lineOf("$"));
        if (firstSeen != null) {
            return new Input.Unread(duplicate(caseId, tree.lineOf("$.caseId"), firstSeen));
        }
        return new Input.Read(value, tree.lines);
    }

    private static String caseIdOf(JsonNode root) {
        JsonNode id = root.get("caseId");
        return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String formatMessage(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            return "unknown value " + quote(e.getValue()) + " (allowed: " + Arrays.stream(target.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")) + ")";
        }
        if (target == java.time.LocalDate.class) {
            return "not a date (YYYY-MM-DD): " + quote(e.getValue());
        }
        return "not a valid " + simpleName(target) + ": " + quote(e.getValue());
    }

    private static String mismatchMessage(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        String message = firstLine(e.getOriginalMessage());
        if (message.contains("null") && target != null && target.isPrimitive()) {
            return "is required (null is not a " + simpleName(target) + ")";
        }
        return "expected " + simpleName(target) + ": " + message;
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == int.class || type == Integer.class || type == long.class) {
            return "whole number";
        }
        if (type == java.math.BigDecimal.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return type.isRecord() ? "object" : type.getSimpleName();
    }

    private static String quote(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString();
        };
    }
}
