package org.aodnn.policyeditor.ui;

import java.util.function.Predicate;
import javafx.scene.control.TextField;

/**
 * A text field that edits one value of the editor: Enter or leaving the field commits its text; an accepted
 * text is shown again as the value now is, and a refused one stays visible in red (the view model has put the
 * reason in the status line) until it is corrected or the value changes.
 */
final class EditField {

    static final String INVALID_STYLE = "-fx-border-color: #c62828; -fx-text-fill: #c62828;";

    private EditField() {
    }

    /**
     * @param commit applies the text; false when it was refused
     * @param show   puts the current value in the field (and clears the red mark)
     */
    static void bind(TextField field, Predicate<String> commit, Runnable show) {
        Runnable apply = () -> {
            if (commit.test(field.getText())) {
                show.run();
            } else {
                field.setStyle(INVALID_STYLE);
            }
        };
        field.setOnAction(e -> apply.run());
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                apply.run();
            }
        });
    }
}
