package se.forebygg.parameters;

/**
 * Where a benefit's dated numbers are and what they bind to. A rules module registers one per benefit in
 * {@code META-INF/services/se.forebygg.parameters.ParameterFile} (the benefit's case kind is one), and
 * {@link Parameters#standard()} loads them all. For rule modules, not for hosts.
 */
public interface ParameterFile {

    /**
     * Where this benefit's parameter file is on the class path, e.g. {@code /se/forebygg/rules/grant/parameters.yaml},
     * beside its rules; the folder it sits in ({@code grant}) names the benefit in a parameters folder
     * ({@code --parameters DIR} holding {@code grant/parameters.yaml}). By default the {@code parameters.yaml}
     * in the folder of the record's package, where a benefit's rules, parameters and wording live together.
     */
    default String parameterFile() {
        return "/" + parameterRecord().getPackageName().replace('.', '/') + "/parameters.yaml";
    }

    /**
     * The record that {@link #parameterFile()} binds to, by name: each key under the file's {@code parameters}
     * is a component of the record, each component but {@code from} and {@code until} (the period) is a key.
     * {@link Parameters} holds one such record per period. Never null: a benefit's rules read their numbers from it.
     */
    Class<? extends Period> parameterRecord();
}
