package org.kontor.platform.security;

import java.util.List;

/** The groups of SPEC §6. Group ids double as Spring Security authorities. */
public final class KontorGroups {

    public static final String CLERKS = "clerks";
    public static final String DISPATCHERS = "dispatchers";
    public static final String SUPERVISORS = "supervisors";
    public static final String DESIGNERS = "designers";
    public static final String AUDITORS = "auditors";
    public static final String ADMINS = "admins";
    public static final String INTEGRATIONS = "integrations";

    public static final List<String> ALL = List.of(CLERKS, DISPATCHERS, SUPERVISORS, DESIGNERS, AUDITORS, ADMINS,
            INTEGRATIONS);

    /** Everyone who may change something through /api; auditors only read. */
    public static final String[] WRITERS = {CLERKS, DISPATCHERS, SUPERVISORS, DESIGNERS, ADMINS, INTEGRATIONS};

    private KontorGroups() {
    }
}
