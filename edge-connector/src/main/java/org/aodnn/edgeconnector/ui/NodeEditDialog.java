package org.aodnn.edgeconnector.ui;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.aodnn.edgeconnector.publish.NodeUrl;

/**
 * "Edit edge node": the URL, group and token of a registered node, changed in place so that its deployment
 * history stays (Remove and Add would delete it). The token is never shown: left blank it is kept, and
 * "no token" removes it. OK is enabled only for a URL that {@code aodnn edge add} would accept.
 */
final class NodeEditDialog extends Dialog<NodeEditDialog.Result> {

    /** What the operator entered; {@code token} blank keeps the registered one. */
    record Result(String url, String group, String token, boolean removeToken) {
    }

    private NodeEditDialog(NodeRow row) {
        setTitle("Edit edge node");
        setHeaderText("Edit the edge node '" + row.name() + "' (its deployment history is kept)");
        TextField url = new TextField(row.urlProperty().get());
        url.setId("edit-node-url");
        url.setPrefColumnCount(24);
        TextField group = new TextField(row.groupProperty().get());
        group.setId("edit-node-group");
        PasswordField token = new PasswordField();
        token.setId("edit-node-token");
        token.setPromptText("unchanged");
        CheckBox noToken = new CheckBox("The agent needs no token (remove it)");
        noToken.setId("edit-node-no-token");
        token.disableProperty().bind(noToken.selectedProperty());
        Label problem = new Label();
        problem.getStyleClass().addAll("validation-message", "validation-warning");
        problem.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String p = NodeUrl.problem(url.getText());
            return p == null ? "" : p;
        }, url.textProperty()));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("URL"), url);
        grid.addRow(1, new Label("Group"), group);
        grid.addRow(2, new Label("Token"), token);
        grid.add(noToken, 1, 3);
        grid.add(problem, 1, 4);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(problem.textProperty().isNotEmpty());
        setResultConverter(button -> button == ButtonType.OK
                ? new Result(url.getText(), group.getText(), token.getText(), noToken.isSelected()) : null);
    }

    static Optional<Result> show(NodeRow row, Window owner) {
        NodeEditDialog dialog = new NodeEditDialog(row);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog.showAndWait();
    }
}
