package se.forebygg.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import se.forebygg.engine.Decision;
import se.forebygg.engine.Result;
import se.forebygg.json.ForebyggJson;
import se.forebygg.parameters.Parameters;
import se.forebygg.simulate.ParameterChanges;
import se.forebygg.simulate.Simulation;

/**
 * Decides a dataset of cases on Spark with the rules on the class path: every decision (or error object)
 * is the one {@code forebygg evaluate} writes for the same line of the same input.
 *
 * <pre>{@code
 * Dataset<String> lines = spark.read().textFile("cases.jsonl");
 * try (SparkDecisions.Decided decided = SparkDecisions.decide(lines, null)) {
 *     decided.jsonLines().write().text("decisions");   // one line per case, in input order
 * }
 * }</pre>
 *
 * <p>How: each line is read where it lies (as {@code evaluate} reads a line of JSON Lines; the line numbers
 * are the positions in the dataset's order, so read one file, or files in the order meant). A caseId read
 * on an earlier line refuses the later ones, as there. Cases that count against no other are decided in
 * their partitions, a thousand at a time. Grant applications are repartitioned by their room in the ledger
 * (employer and measure year, as the ledger keys them) and sorted within partitions by room, submission
 * date and caseId; each room's applications are decided in that order against an in-memory ledger that
 * starts with the room's grants of the {@link LedgerSnapshot ledger snapshot}. One engine per executor JVM,
 * built by the first task that needs it.
 */
public final class SparkDecisions {
    /** The dataset's lines, numbered from 1 in the dataset's order. */
    static final StructType NUMBERED = new StructType()
            .add("line", DataTypes.LongType, false)
            .add("text", DataTypes.StringType, false);

    /** A result: the line, the caseId, the decision or error object as JSON, and what a ledger records of a grant. */
    static final StructType DECIDED = new StructType()
            .add("line", DataTypes.LongType)
            .add("caseId", DataTypes.StringType)
            .add("decision", DataTypes.StringType)
            .add("employerId", DataTypes.StringType)
            .add("employeeId", DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("inputHash", DataTypes.StringType);

    /** A result as {@link Decided#decisions()} gives it. */
    static final StructType ORDERED = new StructType()
            .add("line", DataTypes.LongType)
            .add("caseId", DataTypes.StringType)
            .add("decision", DataTypes.StringType);

    /** A what-if result: both decisions without their calculation (null when refused), the employer of a grant, both amounts. */
    static final StructType COMPARED = new StructType()
            .add("line", DataTypes.LongType)
            .add("baseline", DataTypes.StringType)
            .add("whatIf", DataTypes.StringType)
            .add("employer", DataTypes.StringType)
            .add("baselineAmount", DataTypes.createDecimalType(16, 2))
            .add("whatIfAmount", DataTypes.createDecimalType(16, 2));

    private SparkDecisions() {
    }

    /**
     * The rows of Parquet (or any table) of cases as JSON Lines: each row one case, its columns the
     * contract's fields, nested as in JSON ({@code insured} a struct of {@code annualIncome}, …; dates as
     * {@code YYYY-MM-DD} strings or dates). Null columns are left out, as a missing field.
     */
    public static Dataset<String> jsonLinesOf(Dataset<Row> cases) {
        Column[] columns = Arrays.stream(cases.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new);
        return cases.select(to_json(struct(columns))).as(Encoders.STRING());
    }

    /**
     * Decides every case of {@code caseLines} (JSON Lines, one case per line), the grant applications
     * against the earlier grants of {@code snapshot} ({@link LedgerSnapshot#SCHEMA}; null for none). The
     * result is computed when asked for; the lines read are cached until it is closed.
     */
    public static Decided decide(Dataset<String> caseLines, Dataset<Row> snapshot) {
        Dataset<Row> read = read(caseLines);
        Dataset<Row> scanned = withoutDuplicates(read);
        List<List<String>> engine = List.of(List.of());
        Dataset<Row> refused = scanned.filter(col("kind").equalTo(Batches.REFUSED)).select(col("line"), col("caseId"),
                col("result").as("decision"), lit(null).cast(DataTypes.StringType).as("employerId"),
                lit(null).cast(DataTypes.StringType).as("employeeId"), lit(null).cast(DataTypes.IntegerType).as("year"),
                lit(null).cast(DataTypes.StringType).as("inputHash"));
        Dataset<Row> alone = scanned.filter(col("kind").equalTo(Batches.ALONE)).mapPartitions(
                (MapPartitionsFunction<Row, Row>) rows -> Batches.decide(rows, engine, SparkDecisions::evaluated),
                Encoders.row(DECIDED));
        Dataset<Row> grants = scanned.filter(col("kind").equalTo(Batches.SHARED));
        if (snapshot != null) {
            grants = grants.unionByName(earlier(snapshot));
        }
        Dataset<Row> shared = inRooms(grants).mapPartitions(
                (MapPartitionsFunction<Row, Row>) rows -> Batches.decide(rows, engine, SparkDecisions::evaluated),
                Encoders.row(DECIDED));
        return new Decided(refused.unionByName(alone).unionByName(shared), snapshot, read);
    }

    /**
     * What-if over {@code caseLines}: every case decided under the shipped parameters and under them with
     * {@code changes} ({@code PARAM=VALUE[@FROM]}, as {@code forebygg simulate --set} takes them), added up
     * as {@code simulate} adds them ({@link se.forebygg.simulate.TextSummary} prints it). The decisions are
     * made on the executors; the driver adds them up in input order, one partition at a time. Each
     * employer's grants of a year count against each other over the whole dataset, as {@code evaluate}
     * decides them (the same as {@code simulate} when an employer's applications stand together in the
     * input, as {@code forebygg generate} writes them). Throws {@link IllegalArgumentException} naming a
     * change that is not one.
     *
     * @param top how many of the biggest gains and losses to keep, as {@code simulate --top}
     */
    public static Simulation.Result whatIf(Dataset<String> caseLines, List<String> changes, int top) {
        ParameterChanges.apply(Parameters.standard(), changes); // a change at fault, named before any task runs
        Simulation.Result result = Simulation.Result.empty(top);
        List<List<String>> engines = List.of(List.of(), List.copyOf(changes));
        Dataset<Row> read = read(caseLines);
        try {
            Dataset<Row> scanned = withoutDuplicates(read);
            Dataset<Row> refused = scanned.filter(col("kind").equalTo(Batches.REFUSED)).select(col("line"),
                    lit(null).cast(DataTypes.StringType).as("baseline"), lit(null).cast(DataTypes.StringType).as("whatIf"),
                    lit(null).cast(DataTypes.StringType).as("employer"),
                    lit(null).cast(DataTypes.createDecimalType(16, 2)).as("baselineAmount"),
                    lit(null).cast(DataTypes.createDecimalType(16, 2)).as("whatIfAmount"));
            Dataset<Row> alone = scanned.filter(col("kind").equalTo(Batches.ALONE)).mapPartitions(
                    (MapPartitionsFunction<Row, Row>) rows -> Batches.decide(rows, engines, SparkDecisions::compared),
                    Encoders.row(COMPARED));
            Dataset<Row> shared = inRooms(scanned.filter(col("kind").equalTo(Batches.SHARED))).mapPartitions(
                    (MapPartitionsFunction<Row, Row>) rows -> Batches.decide(rows, engines, SparkDecisions::compared),
                    Encoders.row(COMPARED));
            Dataset<Row> compared = refused.unionByName(alone).unionByName(shared).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                ObjectMapper mapper = ForebyggJson.newMapper();
                Iterator<Row> inOrder = compared.sort("line").toLocalIterator();
                while (inOrder.hasNext()) {
                    Row row = inOrder.next();
                    result.add(row.isNullAt(1) ? null : Batches.decision(mapper, row.getString(1)),
                            row.isNullAt(2) ? null : Batches.decision(mapper, row.getString(2)));
                }
                Iterator<Row> employers = compared.filter(col("employer").isNotNull().and(col("baseline").isNotNull())
                                .and(col("whatIf").isNotNull()))
                        .groupBy("employer").agg(sum("baselineAmount"), sum("whatIfAmount")).toLocalIterator();
                while (employers.hasNext()) {
                    Row row = employers.next();
                    result.addEmployer(row.getDecimal(1), row.getDecimal(2));
                }
            } finally {
                compared.unpersist();
            }
        } finally {
            read.unpersist();
        }
        return result;
    }

    /** Each line read ({@link Batches#scan}), numbered in the dataset's order; cached, as every later step reads it. */
    private static Dataset<Row> read(Dataset<String> caseLines) {
        JavaRDD<Row> numbered = caseLines.javaRDD().zipWithIndex().map(t -> RowFactory.create(t._2() + 1, t._1()));
        return caseLines.sparkSession().createDataFrame(numbered, NUMBERED)
                .mapPartitions((MapPartitionsFunction<Row, Row>) Batches::scan, Encoders.row(Batches.SCANNED))
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * The lines read, a case whose caseId was read on an earlier line refused as a duplicate. The caseIds read
     * more than once are few: they go to every task ({@code broadcast}), the lines stay where they are.
     */
    private static Dataset<Row> withoutDuplicates(Dataset<Row> read) {
        Dataset<Row> firsts = read.filter(col("kind").notEqual(Batches.REFUSED))
                .groupBy("caseId").agg(min("line").as("first"), count(lit(1)).as("times"))
                .filter(col("times").gt(1))
                .select(col("caseId").as("repeated"), col("first"));
        Column[] columns = Arrays.stream(Batches.SCANNED.fieldNames()).map(read::col).toArray(Column[]::new);
        Column[] withFirst = Arrays.copyOf(columns, columns.length + 1);
        withFirst[columns.length] = col("first");
        return read.join(broadcast(firsts), read.col("caseId").equalTo(col("repeated"))
                        .and(read.col("kind").notEqual(Batches.REFUSED)), "left_outer")
                .select(withFirst)
                .mapPartitions((MapPartitionsFunction<Row, Row>) Batches::duplicates, Encoders.row(Batches.SCANNED));
    }

    /** A snapshot's grants as rows of their rooms, to be counted before the rooms' applications. */
    private static Dataset<Row> earlier(Dataset<Row> snapshot) {
        return LedgerSnapshot.fromTable(snapshot).mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            Iterable<Row> all = () -> rows;
            return java.util.stream.StreamSupport.stream(all.spliterator(), false).map(r -> {
                String employer = r.getString(1);
                int year = r.getInt(3);
                return RowFactory.create(null, r.getString(5), r.getString(0), Batches.EARLIER,
                        Batches.room(Batches.employerKey(employer, year), year), null, null, employer, r.getString(2), year,
                        r.getString(4));
            }).iterator();
        }, Encoders.row(Batches.SCANNED));
    }

    /**
     * Grant rows by room: each room in one partition, sorted by room, its earlier grants first, then its
     * applications by submission date and caseId (the order {@code evaluate} decides them in).
     */
    private static Dataset<Row> inRooms(Dataset<Row> grants) {
        return grants.repartition(col("room"))
                .sortWithinPartitions(col("room"), col("kind").desc(), col("submittedOn"), col("caseId"));
    }

    /** A case's result as {@code evaluate} writes it, and for a grant decided what a ledger records of it. */
    private static Row evaluated(Row scanned, List<Result> results, ObjectMapper mapper) {
        Result result = results.get(0);
        boolean recorded = scanned.getInt(Batches.KIND) == Batches.SHARED && result instanceof Result.Decided;
        return RowFactory.create(scanned.getLong(Batches.LINE), result.caseId(), ForebyggJson.toLine(mapper, result),
                recorded ? scanned.getString(Batches.EMPLOYER) : null, recorded ? scanned.getString(Batches.EMPLOYEE) : null,
                recorded ? scanned.get(Batches.YEAR) : null, recorded ? scanned.getString(Batches.HASH) : null);
    }

    /** A case's baseline and what-if decisions, boiled down to what the summary reads. */
    private static Row compared(Row scanned, List<Result> results, ObjectMapper mapper) {
        String employer = scanned.getInt(Batches.KIND) == Batches.SHARED ? scanned.getString(Batches.EMPLOYER) : null;
        return RowFactory.create(scanned.getLong(Batches.LINE), outline(results.get(0), mapper),
                outline(results.get(1), mapper), employer, amount(results.get(0)), amount(results.get(1)));
    }

    private static String outline(Result result, ObjectMapper mapper) {
        if (!(result instanceof Result.Decided decided)) {
            return null;
        }
        Decision d = decided.decision();
        return ForebyggJson.toLine(mapper, new Decision(d.caseId(), d.type(), d.outcome(), d.amount(), d.findings(), null,
                List.of(), d.rulesVersion()));
    }

    private static BigDecimal amount(Result result) {
        return result instanceof Result.Decided decided ? decided.decision().amount() : null;
    }

    /**
     * The results of one {@link #decide} run, computed when asked for. Closing it drops what it cached.
     */
    public static final class Decided implements AutoCloseable {
        private final Dataset<Row> results;
        private final Dataset<Row> snapshot;
        private final Dataset<Row> cached;

        Decided(Dataset<Row> results, Dataset<Row> snapshot, Dataset<Row> cached) {
            this.results = results;
            this.snapshot = snapshot;
            this.cached = cached;
        }

        /**
         * Keeps the results once computed (in memory, or on disk where memory is short) until closed, for a
         * caller that reads both the decisions and the ledger: otherwise each decides the cases anew.
         */
        public Decided keep() {
            results.persist(StorageLevel.MEMORY_AND_DISK());
            return this;
        }

        /**
         * One row per case, in input order: {@code line} (the case's line, from 1), {@code caseId} (null when
         * it could not be read) and {@code decision}, the decision or error object as {@code evaluate} writes it.
         */
        public Dataset<Row> decisions() {
            Row last = cached.agg(max("line")).first();
            long lines = last.isNullAt(0) ? 1 : last.getLong(0);
            // About as many partitions as the lines were read in, each a range of lines.
            int partitions = Math.max(1, cached.rdd().getNumPartitions());
            JavaRDD<Row> ordered = results.select("line", "caseId", "decision").javaRDD()
                    .mapToPair(row -> new Tuple2<>(row.getLong(0), row))
                    .repartitionAndSortWithinPartitions(new InputOrder(partitions, lines))
                    .values();
            return results.sparkSession().createDataFrame(ordered, ORDERED);
        }

        /** The decisions and error objects as JSON Lines, in input order: {@code forebygg evaluate}'s output. */
        public Dataset<String> jsonLines() {
            return decisions().select("decision").as(Encoders.STRING());
        }

        /**
         * The ledger after this run, a {@link LedgerSnapshot} for the next: the snapshot's records and every
         * grant application decided (an application the snapshot held already once).
         */
        public Dataset<Row> ledger() {
            Dataset<Row> granted = results.filter(col("employerId").isNotNull())
                    .select("caseId", "employerId", "employeeId", "year", "inputHash", "decision");
            return snapshot == null ? granted
                    : LedgerSnapshot.fromTable(snapshot).unionByName(granted).dropDuplicates("caseId");
        }

        @Override
        public void close() {
            results.unpersist();
            cached.unpersist();
        }
    }
}
