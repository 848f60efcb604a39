package se.forebygg.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import se.forebygg.audit.AuditLog;

/** {@code --audit-log LOG} and {@code --audit-key KEY}: where every decision is logged, chained and anchored. */
final class AuditOptions {

    @Option(names = "--audit-log", paramLabel = "LOG",
            description = "Append every decision to LOG (JSON Lines, hash-chained: case, input hash, decision, rules "
                    + "version, parameter values; a grant's line before its commit), to be checked with 'forebygg replay LOG'.")
    Path auditLog;

    @Option(names = "--audit-key", paramLabel = "KEY", defaultValue = "${env:" + AuditLog.KEY_VARIABLE + "}",
            description = "Key the audit log's hash chain with (HMAC-SHA256; default: environment variable "
                    + AuditLog.KEY_VARIABLE + "), so that nobody without it can rewrite the log unnoticed.")
    String auditKey;
}
