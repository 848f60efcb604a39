package se.forebygg.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import se.forebygg.json.ForebyggJson;

/**
 * A copy of a grant ledger's decisions, read at the start of a run: the earlier grants that count
 * against the caps of the applications decided after them. One record per decision the ledger holds,
 * as a ledger holds it (a database ledger's {@code grant_decision} row):
 *
 * <pre>{@code
 * {"caseId":"ars-0000001","employerId":"556000-0001","employeeId":"19850101-0014","year":2025,
 *  "inputHash":"sha256:…","decision":{…the decision as evaluate writes it…}}
 * }</pre>
 *
 * <p>As JSON Lines one record per line; as Parquet the columns of {@link #SCHEMA}, the decision as its JSON
 * text. A run writes the snapshot of the next ({@link SparkDecisions.Decided#ledger()}): this one's
 * records and every grant it decided.
 */
public final class LedgerSnapshot {
    /** The columns of a snapshot: caseId, employerId, employeeId, year, inputHash and the decision's JSON. */
    public static final StructType SCHEMA = new StructType()
            .add("caseId", DataTypes.StringType, false)
            .add("employerId", DataTypes.StringType, false)
            .add("employeeId", DataTypes.StringType, false)
            .add("year", DataTypes.IntegerType, false)
            .add("inputHash", DataTypes.StringType, false)
            .add("decision", DataTypes.StringType, false);

    private static final String[] TEXT_FIELDS = {"caseId", "employerId", "employeeId", "inputHash"};

    private LedgerSnapshot() {
    }

    /**
     * The records of a snapshot in JSON Lines, blank lines left out. A line that is no such record fails the
     * run, naming the field: a ledger copied wrongly would decide every later grant wrongly.
     */
    public static Dataset<Row> fromJsonLines(Dataset<String> lines) {
        return lines.mapPartitions((MapPartitionsFunction<String, Row>) LedgerSnapshot::records, Encoders.row(SCHEMA));
    }

    /** The records as JSON Lines, the decision as a JSON object. */
    public static Dataset<String> toJsonLines(Dataset<Row> snapshot) {
        return snapshot.select("caseId", "employerId", "employeeId", "year", "inputHash", "decision")
                .mapPartitions((MapPartitionsFunction<Row, String>) LedgerSnapshot::lines, Encoders.STRING());
    }

    /** The records of a snapshot as Parquet holds them: its columns of {@link #SCHEMA}, in that order. */
    public static Dataset<Row> fromTable(Dataset<Row> table) {
        return table.select("caseId", "employerId", "employeeId", "year", "inputHash", "decision");
    }

    private static Iterator<Row> records(Iterator<String> lines) {
        ObjectMapper mapper = ForebyggJson.newMapper();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED), false)
                .filter(line -> !line.isBlank())
                .map(line -> record(mapper, line))
                .iterator();
    }

    private static Row record(ObjectMapper mapper, String line) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("ledger snapshot: not a JSON record: " + e.getOriginalMessage());
        }
        Object[] values = new Object[SCHEMA.size()];
        for (String field : TEXT_FIELDS) {
            JsonNode value = node.path(field);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new IllegalArgumentException("ledger snapshot: a record without " + field + ": " + abbreviated(line));
            }
            values[SCHEMA.fieldIndex(field)] = value.asText();
        }
        JsonNode year = node.path("year");
        if (!year.canConvertToInt() || !year.isIntegralNumber()) {
            throw new IllegalArgumentException("ledger snapshot: a record without year: " + abbreviated(line));
        }
        values[SCHEMA.fieldIndex("year")] = year.intValue();
        JsonNode decision = node.path("decision");
        if (!decision.isObject()) {
            throw new IllegalArgumentException("ledger snapshot: a record without decision: " + abbreviated(line));
        }
        values[SCHEMA.fieldIndex("decision")] = decision.toString();
        return RowFactory.create(values);
    }

    private static Iterator<String> lines(Iterator<Row> rows) {
        ObjectMapper mapper = ForebyggJson.newMapper();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false).map(row -> {
            ObjectNode record = mapper.createObjectNode();
            record.put("caseId", row.getString(0));
            record.put("employerId", row.getString(1));
            record.put("employeeId", row.getString(2));
            record.put("year", row.getInt(3));
            record.put("inputHash", row.getString(4));
            try {
                record.set("decision", mapper.readTree(row.getString(5)));
                return mapper.writeValueAsString(record);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }).iterator();
    }

    private static String abbreviated(String line) {
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }
}
