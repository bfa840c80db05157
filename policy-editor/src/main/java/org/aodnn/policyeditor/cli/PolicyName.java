package org.aodnn.policyeditor.cli;

import org.aodnn.db.cli.CommandFailure;
import org.aodnn.db.repo.PolicyRepository;

/**
 * A policy name as the commands take it: trimmed (as the Policy Editor trims what is typed), never empty,
 * at most {@link PolicyRepository#MAX_NAME_LENGTH} characters, and without control characters (a name is
 * shown in lists and one-line messages, and written into manifests). A name that breaks these is bad usage:
 * exit code 2.
 */
final class PolicyName {

    private PolicyName() {
    }

    /** The name to store; errors say what is wrong with it. */
    static String forSave(String raw) {
        String name = forLookup(raw);
        if (name.length() > PolicyRepository.MAX_NAME_LENGTH) {
            throw new CommandFailure("policy name is " + name.length() + " characters long, at most "
                    + PolicyRepository.MAX_NAME_LENGTH + " are allowed", 2);
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new CommandFailure("policy name '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a control character at position " + (i + 1), 2);
            }
        }
        return name;
    }

    /** The name of a policy to find (any stored name, trimmed). */
    static String forLookup(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new CommandFailure("policy name is empty: give a name such as alexnet-wifi", 2);
        }
        return name;
    }
}
