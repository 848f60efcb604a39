package se.forebygg.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import se.forebygg.engine.Input;

/**
 * One JSON value read into a tree, remembering the input line where each value starts, so that a
 * problem found later (by binding or by the engine) can be reported with its line.
 */
final class LocatedTree {
    static final int MAX_DEPTH = 64;
    /** Keeps amounts as written (8000.50 stays 8000.50). */
    private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);

    final JsonNode root;
    /** The line of each value, by its path. */
    final Input.Lines lines;

    private LocatedTree(JsonNode root, Map<String, Integer> lines, int firstLine) {
        this.root = root;
        this.lines = Input.Lines.of(lines, firstLine);
    }

    /** Reads the value at the parser's current token; {@code lineOffset} is added to parser lines. */
    static LocatedTree read(JsonParser parser, int lineOffset) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        int first = parser.currentTokenLocation().getLineNr() + lineOffset;
        JsonNode root = value(parser, "$", lines, lineOffset, 0);
        return new LocatedTree(root, lines, first);
    }

    /** The line of the value at {@code path}, or of its nearest enclosing value that has one. */
    int lineOf(String path) {
        return lines.lineOf(path);
    }

    private static JsonNode value(JsonParser p, String path, Map<String, Integer> lines, int offset, int depth)
            throws IOException {
        if (depth > MAX_DEPTH) {
            throw new DepthException(path, p.currentTokenLocation().getLineNr() + offset);
        }
        lines.put(path, p.currentTokenLocation().getLineNr() + offset);
        JsonNodeFactory f = EXACT;
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode node = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    node.set(name, value(p, path + "." + name, lines, offset, depth + 1));
                }
                return node;
            }
            case START_ARRAY: {
                ArrayNode node = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    node.add(value(p, path + "[" + i++ + "]", lines, offset, depth + 1));
                }
                return node;
            }
            case VALUE_STRING:
                return f.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return f.numberNode(p.getIntValue());
                    case LONG:
                        return f.numberNode(p.getLongValue());
                    default:
                        return f.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return f.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            default:
                throw new IOException("unexpected token " + t);
        }
    }

    /** Nesting deeper than any case has: refused before it can exhaust the stack. */
    static final class DepthException extends IOException {
        final String path;
        final int line;

        DepthException(String path, int line) {
            super("nested deeper than " + MAX_DEPTH + " levels");
            this.path = path;
            this.line = line;
        }
    }
}
