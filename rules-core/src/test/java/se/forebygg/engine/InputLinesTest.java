package se.forebygg.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Where a problem found later in a case is reported: the line of the value, or of the nearest value around it. */
class InputLinesTest {

    @Test
    void aValueOnALineOfItsOwnIsReportedThereAndAValueWithoutOneOnItsNearestEnclosingValuesLine() {
        Map<String, Integer> lines = new HashMap<>(Map.of("$.measures", 7, "$.measures[1]", 12, "$.provider.orgNumber", 4));
        Input.Lines where = Input.Lines.of(lines, 2);
        assertEquals(12, where.lineOf("$.measures[1]"));
        assertEquals(12, where.lineOf("$.measures[1].cost"), "a value without a line of its own: its enclosing value's");
        assertEquals(7, where.lineOf("$.measures[0].cost"));
        assertEquals(4, where.lineOf("$.provider.orgNumber"));
        assertEquals(2, where.lineOf("$.provider.name"), "nothing enclosing it has a line: the case's first");
        assertEquals(2, where.lineOf("$"));
        assertEquals(OptionalInt.empty(), where.onlyLine(), "a case on several lines");

        lines.put("$.provider.name", 99);
        assertEquals(2, where.lineOf("$.provider.name"), "the lines are copied when given, not read later");
    }

    @Test
    void aCaseOnOneLineHasEveryValueOnIt() {
        Input.Lines where = Input.Lines.onLine(42);
        assertEquals(42, where.lineOf("$.measures[3].cost"));
        assertEquals(OptionalInt.of(42), where.onlyLine());
    }
}
