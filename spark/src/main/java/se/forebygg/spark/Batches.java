package se.forebygg.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import se.forebygg.Forebygg;
import se.forebygg.engine.Case;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Input;
import se.forebygg.engine.Result;
import se.forebygg.grant.GrantCase;
import se.forebygg.grant.GrantLedger;
import se.forebygg.json.CaseReader;
import se.forebygg.json.ForebyggJson;
import se.forebygg.ledger.InMemoryGrantLedger;

/**
 * What the tasks run on a partition: each line read ({@link #scan}), then the cases decided in batches
 * ({@link #decide}). A row between the two is a {@link #SCANNED} row: the line, its case's caseId and kind
 * and, for a grant application, its room in the ledger (employer and year, as the ledger keys them) and
 * what a ledger records of it.
 */
final class Batches {
    /** Cases decided together, as {@code forebygg evaluate} does: enough to spread a session's cost. */
    static final int SIZE = 1000;

    /** A line that is no case (or a case read before under its caseId): its error object is in {@code result}. */
    static final int REFUSED = 0;
    /** A case that counts against no other: decided in any partition, in any order. */
    static final int ALONE = 1;
    /** A grant application: decided in its room's partition, in submission order. */
    static final int SHARED = 2;
    /** A grant of the ledger snapshot: counted in its room before the room's applications are decided. */
    static final int EARLIER = 3;

    static final int LINE = 0;
    static final int TEXT = 1;
    static final int CASE_ID = 2;
    static final int KIND = 3;
    static final int ROOM = 4;
    static final int EMPLOYER = 7;
    static final int EMPLOYEE = 8;
    static final int YEAR = 9;
    static final int HASH = 10;

    /**
     * A line read: {@code text} is the line (for {@link #EARLIER}: the decision's JSON), {@code room} and
     * {@code submittedOn} order the grants, employer, employee, year and input hash are what a ledger
     * records of a grant.
     */
    static final StructType SCANNED = new StructType()
            .add("line", DataTypes.LongType)
            .add("text", DataTypes.StringType)
            .add("caseId", DataTypes.StringType)
            .add("kind", DataTypes.IntegerType, false)
            .add("room", DataTypes.StringType)
            .add("submittedOn", DataTypes.StringType)
            .add("result", DataTypes.StringType)
            .add("employerId", DataTypes.StringType)
            .add("employeeId", DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("inputHash", DataTypes.StringType);

    private Batches() {
    }

    /** One row per result: a decided case's, with the results of every engine asked (one, or baseline and what-if). */
    @FunctionalInterface
    interface Emit extends Serializable {
        Row row(Row scanned, List<Result> results, ObjectMapper mapper);
    }

    /** The ledger's room of an employer (canonical key) and year. */
    static String room(String employerKey, int year) {
        return employerKey + "/" + year;
    }

    /**
     * Each numbered line ({@code line}, {@code text}) read as {@code forebygg evaluate} reads that line of
     * JSON Lines, blank lines left out. A byte order mark before line 1 is skipped, as there.
     */
    static Iterator<Row> scan(Iterator<Row> lines) {
        Forebygg engine = Engines.of(List.of());
        CaseReader reader = CaseReader.ofLines();
        ObjectMapper mapper = ForebyggJson.newMapper();
        return stream(lines).map(row -> {
            long line = row.getLong(0);
            String text = row.getString(1);
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            Input input = reader.readLine(text, Math.toIntExact(line));
            if (input == null) {
                return null;
            }
            if (input instanceof Input.Unread unread) {
                return refused(line, unread.refusal(), mapper);
            }
            Case aCase = ((Input.Read) input).aCase();
            if (!engine.sharesLedger(aCase)) {
                return RowFactory.create(line, text, aCase.caseId(), ALONE, null, null, null, null, null, null, null);
            }
            // Grants are the only cases that share the ledger; a ledger keys them by employer and measure year.
            GrantCase grant = (GrantCase) aCase;
            return RowFactory.create(line, text, grant.caseId(), SHARED, room(grant.employerId(), grant.year()),
                    grant.submittedOn().toString(), null, grant.employerId(), grant.employeeId(), grant.year(),
                    ForebyggJson.inputHash(grant));
        }).filter(Objects::nonNull).iterator();
    }

    /** The row of a line refused with {@code refusal}. */
    static Row refused(long line, Result.Refused refusal, ObjectMapper mapper) {
        return RowFactory.create(line, null, refusal.caseId(), REFUSED, null, null, ForebyggJson.toLine(mapper, refusal),
                null, null, null, null);
    }

    /**
     * The rows of a case read again after its caseId was read on an earlier line ({@code first}): refused as
     * {@code forebygg evaluate} refuses it; every other row as it is. {@code scanned} holds the
     * {@link #SCANNED} columns and then {@code first} (null for a caseId read once).
     */
    static Iterator<Row> duplicates(Iterator<Row> scanned) {
        ObjectMapper mapper = ForebyggJson.newMapper();
        return stream(scanned).map(row -> {
            int kind = row.getInt(KIND);
            long line = row.getLong(LINE);
            Object[] values = new Object[SCANNED.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i);
            }
            if (kind != REFUSED && !row.isNullAt(values.length) && line > row.getLong(values.length)) {
                return refused(line, CaseReader.duplicate(row.getString(CASE_ID), Math.toIntExact(line),
                        Math.toIntExact(row.getLong(values.length))), mapper);
            }
            return RowFactory.create(values);
        }).iterator();
    }

    /**
     * The cases of {@code rows} decided by each engine of {@code changes} (the parameter changes of each),
     * {@link #SIZE} at a time. Grant rows come sorted by room, a room's {@link #EARLIER} grants first: a
     * batch holds whole rooms, and each engine decides it against a ledger of its own that starts with the
     * batch's earlier grants. A batch's results per row go to {@code emit}.
     */
    static Iterator<Row> decide(Iterator<Row> rows, List<List<String>> changes, Emit emit) {
        List<Forebygg> engines = changes.stream().map(Engines::of).toList();
        CaseReader reader = CaseReader.ofLines();
        ObjectMapper mapper = ForebyggJson.newMapper();
        return Rows.inBatches(rows, SIZE, (a, b) -> !a.isNullAt(ROOM) && a.getString(ROOM).equals(b.getString(ROOM)), batch -> {
            List<InMemoryGrantLedger> ledgers = engines.stream().map(e -> new InMemoryGrantLedger()).toList();
            List<Row> cases = new ArrayList<>(batch.size());
            List<Input> inputs = new ArrayList<>(batch.size());
            for (Row row : batch) {
                if (row.getInt(KIND) == EARLIER) {
                    Decision earlier = decision(mapper, row.getString(TEXT));
                    for (InMemoryGrantLedger ledger : ledgers) {
                        ledger.restore(row.getString(EMPLOYER), row.getString(EMPLOYEE), row.getInt(YEAR), row.getString(HASH),
                                earlier);
                    }
                } else {
                    cases.add(row);
                    inputs.add(reader.readLine(row.getString(TEXT), Math.toIntExact(row.getLong(LINE))));
                }
            }
            List<List<Result>> byEngine = new ArrayList<>();
            for (int e = 0; e < engines.size(); e++) {
                byEngine.add(engines.get(e).decideAll(inputs, ledgers.get(e)));
            }
            List<Row> out = new ArrayList<>(cases.size());
            for (int i = 0; i < cases.size(); i++) {
                int at = i;
                out.add(emit.row(cases.get(i), byEngine.stream().map(r -> r.get(at)).toList(), mapper));
            }
            return out;
        });
    }

    /** A decision's JSON read back. */
    static Decision decision(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, Decision.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ledger key of an employer as a snapshot spells it. */
    static String employerKey(String employerId, int year) {
        return GrantLedger.employerKey(employerId, year);
    }

    private static <T> java.util.stream.Stream<T> stream(Iterator<T> rows) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false);
    }
}
