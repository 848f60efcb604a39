package se.forebygg.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a what-if report comes from, so that it can be cited and made again: the input and its
 * SHA-256, the rules version of the baseline decisions (and the what-if's, which names the changes),
 * every changed parameter with its value before, and when it was run.
 *
 * @param input              the input file as given, or null for standard input
 * @param sha256             the SHA-256 of the input's bytes, in hex
 * @param rulesVersion       the {@code rulesVersion} of the baseline decisions
 * @param whatIfRulesVersion the {@code rulesVersion} of the what-if decisions
 * @param baselineParameters the parameter files of the baseline, empty for the shipped ones
 * @param changes            the parameters changed, in the order given
 * @param run                when the simulation was run
 */
public record Provenance(String input, String sha256, String rulesVersion, String whatIfRulesVersion,
                         List<String> baselineParameters, List<ParameterChange> changes, Instant run) {

    public Provenance {
        baselineParameters = List.copyOf(baselineParameters);
        changes = List.copyOf(changes);
    }

    /**
     * One parameter changed: {@code name} takes {@code value} from {@code from} on, replacing the
     * baseline's values from then on; {@code baseline} is the baseline's value on {@code from} (null
     * when the baseline table does not reach that day). Values as the parameter table types them
     * (a decimal, a whole number, a date, a list).
     */
    public record ParameterChange(String name, Object value, LocalDate from, Object baseline) {
    }
}
