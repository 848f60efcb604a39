package se.forebygg.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.LoggerFactory;

/**
 * The file of an audit log: a header line, then chained lines, appended by any number of threads and
 * processes at once. Each append holds an exclusive lock on the file (a {@link FileLock} between
 * processes, a lock per file within this one, which a {@code FileLock} cannot be), reads the last
 * line to chain to it, writes the new lines with one write at the end and unlocks: lines never
 * interleave, whatever their length.
 *
 * <p>A line is {@code {"seq":N,"prev":"…",<fields>}}: {@code seq} its line number, {@code prev} the
 * {@link Chain} link of the line before. The header is line 1:
 * {@code {"auditLog":"<uuid>","format":2,"created":"…","chain":"sha-256"}} ({@code "hmac-sha256"} and a
 * {@code keyCheck} when keyed).
 */
final class AuditFile implements AutoCloseable {
    static final int FORMAT = 2;
    static final String LOG_ID = "auditLog";
    static final String FORMAT_FIELD = "format";
    static final String CREATED = "created";
    static final String CHAIN = "chain";
    static final String KEY_CHECK = "keyCheck";
    static final String SEQ = "seq";
    static final String PREV = "prev";

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final int BLOCK = 8192;
    /** A header is far shorter; a longer first line is not one. */
    private static final int HEADER_MAX = 4096;

    private final Path path;
    private final FileChannel channel;
    private final ReentrantLock inProcess;
    private final Chain chain;
    private final ObjectMapper json;
    private String logId;

    /** A line written: its number and the SHA-256 of its bytes. */
    record Written(long seq, String hash) {
    }

    private record Tail(long seq, String link, long end) {
    }

    private interface Locked<T> {
        T run() throws IOException;
    }

    private AuditFile(Path path, FileChannel channel, Chain chain, ObjectMapper json) throws IOException {
        this.path = path;
        this.channel = channel;
        this.inProcess = IN_PROCESS.computeIfAbsent(path.toRealPath(), p -> new ReentrantLock());
        this.chain = chain;
        this.json = json;
    }

    /**
     * Opens {@code file} to append to, creating it with its header if missing or empty. Throws
     * {@link AuditLogException} when it is not a log of this format or not chained with {@code chain}.
     */
    static AuditFile open(Path file, Chain chain, ObjectMapper json) throws IOException {
        boolean existed = file.toFile().exists();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            AuditFile audit = new AuditFile(file, channel, chain, json);
            audit.locked(() -> {
                audit.header(existed);
                return null;
            });
            return audit;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    String logId() {
        return logId;
    }

    /**
     * Appends one line per body (a JSON object, as text), each starting with its {@code seq}, its
     * {@code prev} and then {@code fields} (text such as {@code ,"run":"…"}, may be empty); with
     * {@code force}, on disk before this returns. When writing fails the file is cut back to where it
     * was and {@link AuditLogException} is thrown: then none of the lines was written.
     */
    List<Written> append(List<String> bodies, String fields, boolean force) throws IOException {
        return locked(() -> {
            Tail tail = tail();
            List<Written> written = new ArrayList<>(bodies.size());
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            long seq = tail.seq();
            String prev = tail.link();
            for (String body : bodies) {
                if (!body.startsWith("{") || body.length() < 3) {
                    throw new IllegalArgumentException("not a JSON object with fields: " + body);
                }
                seq++;
                byte[] line = ("{\"" + SEQ + "\":" + seq + ",\"" + PREV + "\":\"" + prev + "\"" + fields + ","
                        + body.substring(1)).getBytes(StandardCharsets.UTF_8);
                written.add(new Written(seq, Chain.sha256(line)));
                prev = chain.link(line);
                lines.write(line);
                lines.write('\n');
            }
            write(lines.toByteArray(), tail.end(), force);
            return written;
        });
    }

    @Override
    public void close() throws IOException {
        try {
            channel.force(false);
        } finally {
            channel.close();
        }
    }

    private <T> T locked(Locked<T> action) throws IOException {
        inProcess.lock();
        try (FileLock lock = channel.lock()) {
            return action.run();
        } finally {
            inProcess.unlock();
        }
    }

    /** Writes the header of an empty file, or reads and checks the one there. */
    private void header(boolean existed) throws IOException {
        long size = channel.size();
        long end = firstNewline(HEADER_MAX);
        String start = new String(read(0, Math.min(size, HEADER_MAX)), StandardCharsets.UTF_8);
        if (end < 0 && size > 0 && size < HEADER_MAX && start.startsWith("{\"" + LOG_ID + "\":")) {
            // Not even the header was finished: a crash while the log was created.
            discard(0, size);
            size = 0;
        }
        if (size == 0) {
            logId = UUID.randomUUID().toString();
            ObjectNode header = json.createObjectNode();
            header.put(LOG_ID, logId);
            header.put(FORMAT_FIELD, FORMAT);
            header.put(CREATED, Instant.now().toString());
            header.put(CHAIN, chain.name());
            if (chain.keyed()) {
                header.put(KEY_CHECK, chain.keyCheck(logId));
            }
            write((json.writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8), 0, true);
            if (!existed) {
                forceDirectory();
            }
            return;
        }
        JsonNode header = end < 0 ? null : parse(read(0, end));
        if (header == null || !header.hasNonNull(LOG_ID)) {
            throw new AuditLogException(path + (start.startsWith("{\"caseId\":")
                    ? " was written without a hash chain (audit log format 1): write to a new audit log"
                    : " does not start with an audit log header: it is not an audit log, or its first line was changed"));
        }
        if (header.path(FORMAT_FIELD).asInt() != FORMAT) {
            throw new AuditLogException(path + " is audit log format " + header.path(FORMAT_FIELD)
                    + ", this forebygg writes format " + FORMAT + ": write to a new audit log");
        }
        String name = header.path(CHAIN).asText();
        if (!name.equals(chain.name())) {
            throw new AuditLogException(path + (chain.keyed()
                    ? " is not keyed, and a key was given: write keyed lines to a new audit log"
                    : " is keyed (" + name + "): give its key (FOREBYGG_AUDIT_KEY) to append to it"));
        }
        logId = header.get(LOG_ID).asText();
        if (chain.keyed() && !chain.keyCheck(logId).equals(header.path(KEY_CHECK).asText())) {
            throw new AuditLogException(path + " was written with another key");
        }
    }

    /**
     * The last line's number and link, and where the next line goes. A last line without its end of
     * line is a write a crash cut off (nothing was committed on it, the commit waits for the write):
     * it is discarded, as a database discards a torn record at the end of its log.
     */
    private Tail tail() throws IOException {
        long size = channel.size();
        long newline = lastNewline(size);
        if (newline < 0) {
            throw new AuditLogException(path + " lost its header: it no longer holds a complete line");
        }
        if (newline != size - 1) {
            discard(newline + 1, size);
        }
        long start = lastNewline(newline) + 1;
        byte[] line = read(start, newline);
        long seq;
        if (start == 0) {
            seq = 1;
        } else {
            JsonNode last = parse(line);
            if (last == null || !last.path(SEQ).canConvertToLong()) {
                throw new AuditLogException(path + ": its last line is not a chained audit line; write to a new audit log");
            }
            seq = last.get(SEQ).asLong();
        }
        return new Tail(seq, chain.link(line), newline + 1);
    }

    private void write(byte[] bytes, long at, boolean force) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = at;
        try {
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            if (force) {
                channel.force(false); // fdatasync: the data and the file's length
            }
        } catch (IOException e) {
            try {
                channel.truncate(at);
            } catch (IOException cut) {
                e.addSuppressed(cut);
            }
            throw new AuditLogException("cannot write to the audit log " + path + ": " + e.getMessage(), e);
        }
    }

    private void discard(long from, long size) throws IOException {
        LoggerFactory.getLogger(AuditFile.class).warn("{}: discarding {} bytes of a line whose write was cut off",
                path, size - from);
        channel.truncate(from);
    }

    /** A new file's name is durable only once its folder is written. */
    private void forceDirectory() {
        Path folder = path.toAbsolutePath().getParent();
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            LoggerFactory.getLogger(AuditFile.class).debug("cannot force folder {}", folder, e);
        }
    }

    /** Position of the last end of line before {@code end}, -1 when there is none. */
    private long lastNewline(long end) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        long to = end;
        while (to > 0) {
            long from = Math.max(0, to - BLOCK);
            block.clear().limit((int) (to - from));
            readFully(block, from);
            for (int i = (int) (to - from) - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return from + i;
                }
            }
            to = from;
        }
        return -1;
    }

    /** Position of the first end of line before {@code limit}, -1 when there is none. */
    private long firstNewline(long limit) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        long size = Math.min(channel.size(), limit);
        for (long at = 0; at < size; at += BLOCK) {
            block.clear().limit((int) Math.min(BLOCK, size - at));
            readFully(block, at);
            for (int i = 0; i < block.limit(); i++) {
                if (block.get(i) == '\n') {
                    return at + i;
                }
            }
        }
        return -1;
    }

    private byte[] read(long from, long to) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(to - from));
        readFully(bytes, from);
        return bytes.array();
    }

    private void readFully(ByteBuffer buffer, long at) throws IOException {
        long position = at;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IOException(path + " got shorter while locked");
            }
            position += n;
        }
    }

    private JsonNode parse(byte[] line) {
        try {
            JsonNode node = json.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
