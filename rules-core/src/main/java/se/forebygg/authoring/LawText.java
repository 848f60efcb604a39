package se.forebygg.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benefit's {@code law.md}: the paragraphs of law its rules encode, each quoted passage followed by
 * the ids of the rules that encode it. The format, line by line:
 * <pre>
 * ## 7 § förordningen (2014:67) …        one paragraph of law (or one other source)
 * &gt; Bidraget lämnas med högst 10 000 kr …  the quoted passage (one or more lines)
 * Rules: ARS-6, ARS-10                   the rules that encode it ({@code Rules: none}: quoted for context)
 * </pre>
 * Other lines are notes and are not read.
 */
final class LawText {
    private static final Pattern HEADING = Pattern.compile("^##\\s+(.+?)\\s*$");
    private static final Pattern RULES = Pattern.compile("^Rules:\\s*(.*?)\\s*$");
    private static final Pattern RULE_ID = Pattern.compile("[A-Z]+-\\d+[a-z]?");

    /** One {@code Rules:} line: where it stands and the ids it names (none for {@code Rules: none}). */
    record Citation(int line, List<String> ruleIds) {
    }

    /** One {@code ##} section and the citations under it. */
    record Paragraph(String heading, int line, List<Citation> citations) {
        boolean citedByAnyRule() {
            return citations.stream().anyMatch(c -> !c.ruleIds().isEmpty());
        }
    }

    /** A line that does not follow the format: where and why. */
    record Problem(int line, String message) {
    }

    private final List<Paragraph> paragraphs;
    private final List<Problem> problems;

    private LawText(List<Paragraph> paragraphs, List<Problem> problems) {
        this.paragraphs = paragraphs;
        this.problems = problems;
    }

    static LawText parse(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        String heading = null;
        int headingLine = 0;
        List<Citation> citations = new ArrayList<>();
        int openQuote = 0; // the line where a passage without its 'Rules:' line began
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i];
            Matcher h = HEADING.matcher(line);
            Matcher r = RULES.matcher(line);
            if (h.matches()) {
                if (heading != null) {
                    paragraphs.add(new Paragraph(heading, headingLine, List.copyOf(citations)));
                }
                if (openQuote > 0) {
                    problems.add(new Problem(openQuote, "this passage has no 'Rules:' line"));
                }
                heading = h.group(1);
                headingLine = number;
                citations = new ArrayList<>();
                openQuote = 0;
            } else if (line.startsWith(">")) {
                if (openQuote == 0) {
                    openQuote = number;
                }
            } else if (r.matches()) {
                if (heading == null) {
                    problems.add(new Problem(number, "'Rules:' before the first '## ' paragraph"));
                    continue;
                }
                if (openQuote == 0) {
                    problems.add(new Problem(number, "'Rules:' without a quoted passage ('> …') above it"));
                }
                openQuote = 0;
                citations.add(new Citation(number, ids(r.group(1), number, problems)));
            }
        }
        if (openQuote > 0) {
            problems.add(new Problem(openQuote, "this passage has no 'Rules:' line"));
        }
        if (heading != null) {
            paragraphs.add(new Paragraph(heading, headingLine, List.copyOf(citations)));
        }
        return new LawText(List.copyOf(paragraphs), List.copyOf(problems));
    }

    private static List<String> ids(String list, int line, List<Problem> problems) {
        if (list.equals("none")) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String part : list.split(",")) {
            String id = part.strip();
            if (RULE_ID.matcher(id).matches()) {
                ids.add(id);
            } else {
                problems.add(new Problem(line, "'" + id + "' is not a rule id (like ARS-6 or PSB-11a); "
                        + "write 'Rules: none' for a passage no rule encodes"));
            }
        }
        return ids;
    }

    List<Paragraph> paragraphs() {
        return paragraphs;
    }

    List<Problem> problems() {
        return problems;
    }

    /** The first {@code Rules:} line that names {@code ruleId}, or 0. */
    int lineOf(String ruleId) {
        for (Paragraph p : paragraphs) {
            for (Citation c : p.citations()) {
                if (c.ruleIds().contains(ruleId)) {
                    return c.line();
                }
            }
        }
        return 0;
    }
}
