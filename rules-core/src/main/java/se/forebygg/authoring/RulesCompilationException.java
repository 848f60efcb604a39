package se.forebygg.authoring;

import java.util.List;
import java.util.stream.Collectors;

/** The DRL of a rules folder does not compile; {@link #diagnostics()} says where and why. */
public final class RulesCompilationException extends RuntimeException {
    private final transient List<Diagnostic> diagnostics;

    public RulesCompilationException(List<Diagnostic> diagnostics) {
        super("the rules do not compile:\n" + diagnostics.stream().filter(Diagnostic::isError)
                .map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
