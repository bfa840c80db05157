package org.aodnn.edgeconnector.ui;

import java.util.Collection;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.aodnn.edgeconnector.publish.NodeUrl;

/**
 * The "add edge node" fields and their validation, checked as the operator types so the message says what
 * is wrong before anything is stored (the registry checks again when adding).
 */
public final class NodeForm {

    static final int MAX_NAME = 200;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty group = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringBinding problem;
    private final BooleanBinding valid;
    private final BooleanBinding warning;

    NodeForm(ObservableList<NodeRow> existing) {
        Supplier<String> check = () -> problem(name.get(), url.get(), group.get(),
                existing.stream().map(NodeRow::name).toList());
        problem = Bindings.createStringBinding(check::get, name, url, group, existing);
        valid = problem.isEmpty();
        // an empty form (at start, or cleared after a successful add) only shows what to type: not a warning
        warning = Bindings.createBooleanBinding(() -> !problem.get().isEmpty()
                && !(trim(name.get()).isEmpty() && trim(url.get()).isEmpty()), problem, name, url);
    }

    /** Why the fields cannot be added as they are; empty when they can. */
    static String problem(String name, String url, String group, Collection<String> existingNames) {
        String n = trim(name);
        String u = trim(url);
        if (n.isEmpty() && u.isEmpty()) {
            return "Enter a node name and its agent URL (http://host:port).";
        }
        if (n.isEmpty()) {
            return "The node needs a name.";
        }
        if (n.length() > MAX_NAME || n.chars().anyMatch(Character::isWhitespace)) {
            return "Node name: 1 to " + MAX_NAME + " characters without spaces.";
        }
        if (existingNames.contains(n)) {
            return "A node named '" + n + "' is already registered.";
        }
        if (u.isEmpty()) {
            return "The node needs its agent URL, e.g. http://edge-1:8470.";
        }
        String urlProblem = NodeUrl.problem(u); // the same check as aodnn edge add (port range included)
        if (urlProblem != null) {
            return urlProblem;
        }
        if (trim(group).chars().anyMatch(Character::isWhitespace)) {
            return "Group: no spaces.";
        }
        return "";
    }

    void clear() {
        name.set("");
        url.set("");
        group.set("");
        token.set("");
    }

    static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    /** The validation message, empty when the node can be added. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** Whether the message is a problem with what was typed (warning colour) rather than the empty form's hint. */
    public BooleanBinding warningProperty() {
        return warning;
    }
}
